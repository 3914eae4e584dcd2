import { describe, expect, it } from 'vitest';
import { CometAdapter } from '../../../main/providers/cometapi/cometAdapter';
import { ComfyAdapter } from '../../../main/providers/comfyui/comfyAdapter';
import { FalAdapter } from '../../../main/providers/fal/falAdapter';
import { LumaAdapter } from '../../../main/providers/luma/lumaAdapter';
import { SoraAdapter } from '../../../main/providers/openai/soraAdapter';
import { ReplicateAdapter } from '../../../main/providers/replicate/replicateAdapter';
import type { LocalMedia, ProviderAdapter } from '../../../main/providers/types';
import { VeoAdapter } from '../../../main/providers/veo/veoAdapter';
import { baseRequest } from '../../helpers/fakeProviders/adapterTestKit';

/**
 * `validate` (what the job engine calls before a job starts) asks the catalog first, then each
 * adapter's own wire rules; `estimateCost` prices from the catalog. No request leaves the machine.
 */

const still: LocalMedia = {
  path: '/nonexistent/still.png',
  kind: 'image',
  mimeType: 'image/png',
  sizeBytes: 1,
  width: 1280,
  height: 720,
};
const clip: LocalMedia = {
  path: '/nonexistent/clip.mp4',
  kind: 'video',
  mimeType: 'video/mp4',
  sizeBytes: 1,
  durationSeconds: 5,
};
const frames = { first: still, middle: null, last: still };
const firstOnly = { first: still, middle: null, last: null };

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

describe('adapters validate against the catalog before any request', () => {
  it('Sora 2 on OpenAI is retired since 2026-09-24 and the message points to CometAPI', () => {
    const sora = new SoraAdapter();
    let message = '';
    try {
      sora.validate(baseRequest('openai', 'sora-2', { durationSeconds: 8 }));
    } catch (error) {
      message = (error as Error).message;
      expect((error as { code?: string }).code).toBe('PROVIDER_MODEL_RETIRED');
    }
    expect(message).toContain('2026-09-24');
    expect(message).toContain('CometAPI');
    expect(sora.estimateCost(baseRequest('openai', 'sora-2', { durationSeconds: 8 })).cents).toBe(80);
  });

  const accepted: Array<[string, ProviderAdapter, ReturnType<typeof baseRequest>]> = [
    ['CometAPI sora-2', new CometAdapter(), baseRequest('cometapi', 'sora-2', { durationSeconds: 12 })],
    [
      'CometAPI veo3.1 first+last',
      new CometAdapter(),
      baseRequest('cometapi', 'veo3.1', { mode: 'firstLastFrame', durationSeconds: 6, keyframes: frames }),
    ],
    ['Veo text', new VeoAdapter(), baseRequest('google', 'veo-3.1-generate-preview', { durationSeconds: 6 })],
    [
      'Veo first+last',
      new VeoAdapter(),
      baseRequest('google', 'veo-3.1-generate-preview', { mode: 'firstLastFrame', keyframes: frames }),
    ],
    ['Luma ray-2', new LumaAdapter(), baseRequest('luma', 'ray-2', { durationSeconds: 5, ratio: '21:9' })],
    [
      'Luma first+last',
      new LumaAdapter(),
      baseRequest('luma', 'ray-flash-2', { mode: 'firstLastFrame', durationSeconds: 9, keyframes: frames }),
    ],
    [
      'Replicate Veo 3.1',
      new ReplicateAdapter(),
      baseRequest('replicate', 'google/veo-3.1', { mode: 'firstLastFrame', keyframes: frames }),
    ],
    [
      'Replicate Kling v3',
      new ReplicateAdapter(),
      baseRequest('replicate', 'kwaivgi/kling-v3-video', {
        mode: 'imageToVideo',
        durationSeconds: 10,
        keyframes: firstOnly,
      }),
    ],
    [
      'fal Kling v3',
      new FalAdapter(),
      baseRequest('fal', 'fal-ai/kling-video/v3/pro/image-to-video', {
        mode: 'imageToVideo',
        durationSeconds: 5,
        keyframes: firstOnly,
      }),
    ],
    [
      'fal Veo first+last',
      new FalAdapter(),
      baseRequest('fal', 'fal-ai/veo3.1/first-last-frame-to-video', {
        mode: 'firstLastFrame',
        keyframes: frames,
      }),
    ],
    [
      'fal Wan extend',
      new FalAdapter(),
      baseRequest('fal', 'fal-ai/wan/v2.7/image-to-video', {
        mode: 'extend',
        durationSeconds: 5,
        sourceVideo: clip,
      }),
    ],
    [
      'ComfyUI Wan',
      new ComfyAdapter(),
      baseRequest('comfyui', 'wan-image-to-video', { mode: 'imageToVideo', keyframes: firstOnly }),
    ],
    [
      'ComfyUI LTX first+last',
      new ComfyAdapter(),
      baseRequest('comfyui', 'ltxv-first-last-frame', {
        mode: 'firstLastFrame',
        durationSeconds: 4,
        keyframes: frames,
      }),
    ],
  ];
  it.each(accepted)('accepts %s', (_name, adapter, request) => {
    expect(codeOf(() => adapter.validate(request))).toBeNull();
  });

  const refused: Array<[string, ProviderAdapter, ReturnType<typeof baseRequest>, string]> = [
    [
      'a Veo ratio the catalog lacks',
      new VeoAdapter(),
      baseRequest('google', 'veo-3.1-generate-preview', { ratio: '1:1' }),
      'CAPABILITY_UNSUPPORTED',
    ],
    [
      'a Luma duration the catalog lacks',
      new LumaAdapter(),
      baseRequest('luma', 'ray-2', { durationSeconds: 7 }),
      'CAPABILITY_UNSUPPORTED',
    ],
    [
      'an unknown Replicate model',
      new ReplicateAdapter(),
      baseRequest('replicate', 'someone/unknown'),
      'CAPABILITY_UNSUPPORTED',
    ],
    [
      'Sora through CometAPI with first+last',
      new CometAdapter(),
      baseRequest('cometapi', 'sora-2', { mode: 'firstLastFrame', durationSeconds: 8, keyframes: frames }),
      'CAPABILITY_UNSUPPORTED',
    ],
    [
      'ComfyUI beyond its durations',
      new ComfyAdapter(),
      baseRequest('comfyui', 'wan-image-to-video', {
        mode: 'imageToVideo',
        durationSeconds: 30,
        keyframes: firstOnly,
      }),
      'CAPABILITY_UNSUPPORTED',
    ],
  ];
  it.each(refused)('refuses %s', (_name, adapter, request, code) => {
    expect(codeOf(() => adapter.validate(request))).toBe(code);
  });

  it('prices from the catalog, ComfyUI as free', () => {
    expect(
      new ComfyAdapter().estimateCost(
        baseRequest('comfyui', 'wan-image-to-video', { mode: 'imageToVideo', keyframes: firstOnly }),
      ),
    ).toMatchObject({ cents: 0, basis: 'free' });
    const veo = new VeoAdapter().estimateCost(
      baseRequest('google', 'veo-3.1-generate-preview', { durationSeconds: 8 }),
    );
    expect(veo.basis).toBe('catalog');
    expect(veo.cents).toBeGreaterThan(0);
  });
});
