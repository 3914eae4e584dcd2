import type { Clip } from '../../common/model/schema/sequence';
import type { Rational } from '../../common/time';
import { newClip, newProject, type Asset, type Project, type Sequence, type Track } from '../../common/model';

let counter = 0;
const hash = (seed: string) =>
  Array.from({ length: 64 }, (_, index) =>
    ((seed.charCodeAt(index % seed.length) + index) % 16).toString(16),
  ).join('');

/** A video asset of `frames` frames at `rate`, with sound. */
export function videoAsset(id: string, frames: number, rate: Rational = { num: 24, den: 1 }): Asset {
  return {
    id,
    kind: 'video',
    name: `${id}.mp4`,
    path: `media/${id}.mp4`,
    storage: 'copied',
    contentHash: hash(id),
    media: {
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: { num: frames * rate.den, den: rate.num },
      sizeBytes: 1000 + (counter += 1),
      video: {
        codec: 'h264',
        profile: 'High',
        width: 320,
        height: 180,
        sampleAspect: { num: 1, den: 1 },
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        rate,
        variableFrameRate: false,
        rotation: 0,
        frameCount: frames,
        timeBase: { num: 1, den: 12288 },
        extradataHash: null,
      },
      audio: {
        codec: 'aac',
        sampleRate: 48000,
        channels: 2,
        channelLayout: 'stereo',
        sampleCount: Math.round((frames * rate.den * 48000) / rate.num),
      },
      audioStreamCount: 1,
    },
    origin: { kind: 'imported', importedAt: '2026-01-01T00:00:00.000Z', originalPath: `/tmp/${id}.mp4` },
    tags: [],
    favourite: false,
    folder: null,
  };
}

export function audioAsset(id: string, samples: number, sampleRate = 48000): Asset {
  const base = videoAsset(id, 1);
  return {
    ...base,
    kind: 'audio',
    name: `${id}.wav`,
    path: `media/${id}.wav`,
    media: {
      container: 'wav',
      duration: { num: samples, den: sampleRate },
      sizeBytes: 2000 + (counter += 1),
      video: null,
      audio: { codec: 'pcm_s16le', sampleRate, channels: 2, channelLayout: 'stereo', sampleCount: samples },
      audioStreamCount: 1,
    },
  };
}

export function stillAsset(id: string): Asset {
  const base = videoAsset(id, 1);
  return {
    ...base,
    kind: 'image',
    name: `${id}.png`,
    path: `media/${id}.png`,
    media: {
      ...base.media,
      container: 'png_pipe',
      audio: null,
      audioStreamCount: 0,
      duration: { num: 0, den: 1 },
    },
  };
}

/** A project with assets v10 (240 frames at 24), v30 (300 at 30000/1001), a1 (10 s at 48 kHz), still. */
export function fixtureProject(rate: Rational = { num: 24, den: 1 }): Project {
  const project = newProject({ name: 'Fixture', rate, now: new Date('2026-01-01T00:00:00Z') });
  const assets = [
    videoAsset('v10', 240),
    videoAsset('v30', 300, { num: 30000, den: 1001 }),
    audioAsset('a1', 480000),
    stillAsset('still'),
  ];
  return { ...project, assets: Object.fromEntries(assets.map((asset) => [asset.id, asset])) };
}

export function firstSequence(project: Project): Sequence {
  return project.sequences[project.sequenceOrder[0] as string] as Sequence;
}

export function videoTrack(project: Project, index = 0): Track {
  return firstSequence(project).videoTracks[index] as Track;
}

export function audioTrack(project: Project, index = 0): Track {
  return firstSequence(project).audioTracks[index] as Track;
}

/** A timeline clip with every property at its default, named by its id. */
export function clip(id: string, assetId: string, durationFrames: number, extra: Partial<Clip> = {}): Clip {
  return newClip({ id, assetId, durationFrames, name: id, ...extra });
}
