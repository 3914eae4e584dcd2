import { stat } from 'node:fs/promises';
import type { ProviderId } from '../../../common/catalog/providerIds';
import type { AdapterContext, GenerationRequest, LocalMedia } from '../../../main/providers/types';
import { ffmpegBinary, ffprobeBinary, makeImage, makeVideoClip } from '../makeMedia';

/**
 * Shared pieces for adapter tests against fake servers: a context with short timeouts that records
 * its log lines (so a test can assert the key never appears), a request builder, and real local
 * media made with ffmpeg.
 */

export interface TestContext extends AdapterContext {
  logs: string[];
  controller: AbortController;
}

export function testContext(options: {
  apiKey: string | null;
  baseUrl?: string;
  workDir: string;
  requestTimeoutMs?: number;
  createTimeoutMs?: number;
  jobId?: string;
}): TestContext {
  const controller = new AbortController();
  const logs: string[] = [];
  return {
    apiKey: options.apiKey,
    signal: controller.signal,
    controller,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    jobId: options.jobId ?? 'job_test0001',
    workDir: options.workDir,
    binaries: { ffmpegPath: async () => ffmpegBinary(), ffprobePath: async () => ffprobeBinary() },
    requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    createTimeoutMs: options.createTimeoutMs ?? 2_000,
    log: (message) => logs.push(message),
    logs,
  };
}

export function baseRequest(
  provider: ProviderId,
  model: string,
  overrides: Partial<GenerationRequest> = {},
): GenerationRequest {
  return {
    provider,
    model,
    mode: 'textToVideo',
    prompt: 'A lighthouse at dusk, waves rolling in',
    negativePrompt: '',
    cameraDirection: 'static',
    keyframes: { first: null, middle: null, last: null },
    references: [],
    sourceVideo: null,
    durationSeconds: 8,
    ratio: '16:9',
    seed: null,
    audio: false,
    rate: { num: 24, den: 1 },
    options: {},
    ...overrides,
  };
}

/** A real PNG/JPEG still on disk, described as the engine would resolve it. */
export async function stillMedia(
  dir: string,
  width: number,
  height: number,
  name?: string,
): Promise<LocalMedia> {
  const path = await makeImage(dir, { width, height, ...(name ? { name } : {}) });
  return { path, kind: 'image', mimeType: 'image/png', sizeBytes: (await stat(path)).size, width, height };
}

/** A short real MP4 on disk. */
export async function clipMedia(dir: string): Promise<LocalMedia> {
  const path = await makeVideoClip(dir, { width: 320, height: 180, frames: 24, audio: false });
  return {
    path,
    kind: 'video',
    mimeType: 'video/mp4',
    sizeBytes: (await stat(path)).size,
    width: 320,
    height: 180,
    durationSeconds: 1,
  };
}

/** Runs a promise expected to reject and returns the rejection (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; [key: string]: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; [key: string]: unknown };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
