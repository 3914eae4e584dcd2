import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../../main/ffmpeg/ffprobe';
import { AnimaticAdapter } from '../../../main/providers/animatic/animaticAdapter';
import { cameraMoves, toCameraMove } from '../../../main/providers/animatic/cameraMoves';
import type { GenerationRequest, PollResult } from '../../../main/providers/types';
import { stillMedia, testAdapterContext, testRequest } from '../../helpers/fakeProviders/adapterContext';
import { ffprobeBinary, makeImage } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

let dir: { path: string; remove: () => Promise<void> };
let images: { a: string; b: string; c: string };

beforeAll(async () => {
  dir = await makeTempDir('shotloom-animatic-');
  images = {
    a: await makeImage(dir.path, { name: 'a.png', width: 320, height: 180 }),
    b: await makeImage(dir.path, { name: 'b.jpg', width: 400, height: 300, format: 'jpg' }),
    c: await makeImage(dir.path, { name: 'c.png', width: 180, height: 320 }),
  };
});
afterAll(async () => dir.remove());

async function render(adapter: AnimaticAdapter, request: GenerationRequest, name: string) {
  const context = testAdapterContext({ workDir: join(dir.path, 'work'), jobId: name });
  adapter.validate(request);
  const { taskId } = await adapter.create(request, context);
  let result: PollResult = { status: 'queued' };
  for (
    let attempt = 0;
    attempt < 600 && (result.status === 'queued' || result.status === 'running');
    attempt += 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    result = await adapter.poll(taskId, context);
  }
  if (result.status !== 'succeeded') throw new Error(`render ${name} ended ${JSON.stringify(result)}`);
  const output = result.outputs[0];
  if (output?.kind !== 'localPath') throw new Error('no local output');
  return probeMedia(output.path, { ffprobePath: ffprobeBinary() });
}

type Keys = 'none' | 'first' | 'firstLast' | 'firstMiddleLast';
const combos: Keys[] = ['none', 'first', 'firstLast', 'firstMiddleLast'];

function keyframesFor(keys: Keys): Pick<GenerationRequest, 'keyframes' | 'mode'> {
  const first = keys === 'none' ? null : stillMedia(images.a);
  const middle = keys === 'firstMiddleLast' ? stillMedia(images.c, 180, 320) : null;
  const last = keys === 'firstLast' || keys === 'firstMiddleLast' ? stillMedia(images.b, 400, 300) : null;
  const mode =
    keys === 'none'
      ? 'textToVideo'
      : keys === 'first'
        ? 'imageToVideo'
        : keys === 'firstLast'
          ? 'firstLastFrame'
          : 'middleKeyframe';
  return { keyframes: { first, middle, last }, mode };
}

describe('Animatic provider', () => {
  const adapter = new AnimaticAdapter({ shortSide: 180 });

  it('maps preset ids and free text to camera moves', () => {
    expect(toCameraMove('dollyIn')).toBe('pushIn');
    expect(toCameraMove('slow push in')).toBe('pushIn');
    expect(toCameraMove('dollyOut')).toBe('pullOut');
    expect(toCameraMove('panLeft')).toBe('panLeft');
    expect(toCameraMove('truck right')).toBe('panRight');
    expect(toCameraMove('tilt_up')).toBe('tiltUp');
    expect(toCameraMove('orbit clockwise')).toBe('orbitRight');
    expect(toCameraMove('crane down')).toBe('craneDown');
    expect(toCameraMove('handheld')).toBe('handheld');
    expect(toCameraMove('something else')).toBe('static');
  });

  // Every camera move × every keyframe combination: 1 s at 320x180, 24 fps: exactly 24 frames.
  for (const move of cameraMoves) {
    it(`renders ${move} exactly for every keyframe combination`, async () => {
      for (const keys of combos) {
        const request = testRequest({ ...keyframesFor(keys), cameraDirection: move });
        const probed = await render(adapter, request, `${move}-${keys}`);
        const video = probed.facts.video;
        expect(video, `${move}/${keys}`).not.toBeNull();
        expect([video?.width, video?.height], `${move}/${keys}`).toEqual([320, 180]);
        expect(video?.rate, `${move}/${keys}`).toEqual({ num: 24, den: 1 });
        expect(video?.frameCount, `${move}/${keys}`).toBe(24);
        expect(probed.facts.audio, `${move}/${keys}`).toBeNull();
      }
    });
  }

  it('honours ratio, NTSC rate and duration, with an exact audio track when audio is on', async () => {
    const request = testRequest({
      ...keyframesFor('first'),
      cameraDirection: 'pushIn',
      ratio: '9:16',
      rate: { num: 30000, den: 1001 },
      durationSeconds: 2,
      audio: true,
      options: { extra: { animaticAudio: 'tone' } },
    });
    const probed = await render(adapter, request, 'ntsc-audio');
    expect([probed.facts.video?.width, probed.facts.video?.height]).toEqual([180, 320]);
    expect(probed.facts.video?.rate).toEqual({ num: 30000, den: 1001 });
    expect(probed.facts.video?.frameCount).toBe(60);
    expect(probed.facts.audio?.sampleRate).toBe(48000);
    expect(probed.facts.audio?.channels).toBe(2);
    // 60 frames at 30000/1001 = 2.002 s = 96096 samples.
    expect(probed.facts.audio?.sampleCount).toBe(96096);
  });

  it('makes a title card without a font (fallback) at the exact length', async () => {
    const noFont = new AnimaticAdapter({ shortSide: 180, fontCandidates: [] });
    const probed = await render(noFont, testRequest({ ratio: '1:1', durationSeconds: 1 }), 'nofont');
    expect([probed.facts.video?.width, probed.facts.video?.height]).toEqual([180, 180]);
    expect(probed.facts.video?.frameCount).toBe(24);
  });

  it('refuses what the catalog says it cannot do, before rendering', () => {
    expect(() => adapter.validate(testRequest({ mode: 'imageToVideo' }))).toThrow(/first keyframe/);
    expect(() => adapter.validate(testRequest({ durationSeconds: 61 }))).toThrow(/1–60 s/);
    expect(adapter.estimateCost(testRequest()).cents).toBe(0);
  });

  it('renders again after a restart lost the render (new adapter instance, same work folder)', async () => {
    const killed = new AbortController();
    const workDir = join(dir.path, 'work');
    const first = new AnimaticAdapter({ shortSide: 180 });
    const request = testRequest();
    const { taskId } = await first.create(
      request,
      testAdapterContext({ workDir, jobId: 'restart', signal: killed.signal }),
    );
    killed.abort(); // the first process "dies": its render is abandoned
    const context = testAdapterContext({ workDir, jobId: 'restart' });
    const second = new AnimaticAdapter({ shortSide: 180 });
    let result: PollResult = await second.poll(taskId, context);
    for (let attempt = 0; attempt < 600 && result.status === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await second.poll(taskId, context);
    }
    expect(result.status).toBe('succeeded');
  });
});
