import type { AdapterContext, GenerationRequest, LocalMedia } from '../../../main/providers/types';
import { ffmpegBinary, ffprobeBinary } from '../makeMedia';

/** An AdapterContext for calling an adapter directly in a test (no engine). */
export function testAdapterContext(overrides: Partial<AdapterContext> & { workDir: string }): AdapterContext {
  return {
    apiKey: null,
    signal: new AbortController().signal,
    jobId: `job_${Math.random().toString(16).slice(2, 10)}`,
    binaries: { ffmpegPath: async () => ffmpegBinary(), ffprobePath: async () => ffprobeBinary() },
    requestTimeoutMs: 5_000,
    createTimeoutMs: 5_000,
    log: () => undefined,
    ...overrides,
  };
}

export function stillMedia(path: string, width = 320, height = 180): LocalMedia {
  return { path, kind: 'image', mimeType: 'image/png', sizeBytes: 1, width, height };
}

/** A request with portable defaults; override what the test is about. */
export function testRequest(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    provider: 'animatic',
    model: 'animatic',
    mode: 'textToVideo',
    prompt: 'A lighthouse on a cliff at dusk, waves below',
    negativePrompt: '',
    cameraDirection: 'static',
    keyframes: { first: null, middle: null, last: null },
    references: [],
    sourceVideo: null,
    durationSeconds: 1,
    ratio: '16:9',
    seed: null,
    audio: false,
    rate: { num: 24, den: 1 },
    options: {},
    ...overrides,
  };
}
