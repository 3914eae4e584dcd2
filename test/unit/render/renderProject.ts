import type { Asset, Project, Sequence, Track } from '../../../common/model';
import { newProject } from '../../../common/model';

/** Hand-made probe facts (no ffprobe in unit tests): H.264 High yuv420p with AAC 48 kHz stereo. */
export function videoAsset(
  id: string,
  options: {
    width?: number;
    height?: number;
    rate?: { num: number; den: number };
    frames?: number;
    audio?: { sampleRate: number; channels: number } | null;
    hash?: string;
  } = {},
): Asset {
  const rate = options.rate ?? { num: 24, den: 1 };
  const frames = options.frames ?? 120;
  const audio = options.audio === undefined ? { sampleRate: 48000, channels: 2 } : options.audio;
  return {
    id,
    kind: 'video',
    name: id,
    path: `media/${id}.mp4`,
    storage: 'copied',
    contentHash: id
      .padEnd(64, '0')
      .replace(/[^0-9a-f]/g, 'a')
      .slice(0, 64),
    media: {
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: { num: frames * rate.den, den: rate.num },
      sizeBytes: 1000,
      video: {
        codec: 'h264',
        profile: 'High',
        width: options.width ?? 1920,
        height: options.height ?? 1080,
        sampleAspect: { num: 1, den: 1 },
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        rate,
        variableFrameRate: false,
        rotation: 0,
        frameCount: frames,
        timeBase: { num: 1, den: 12288 },
        extradataHash: options.hash ?? 'MD5:source',
      },
      audio: audio
        ? {
            codec: 'aac',
            sampleRate: audio.sampleRate,
            channels: audio.channels,
            channelLayout: 'stereo',
            sampleCount: Math.round((frames * audio.sampleRate * rate.den) / rate.num),
          }
        : null,
      audioStreamCount: audio ? 1 : 0,
    },
    origin: { kind: 'imported', importedAt: '2026-01-01T00:00:00.000Z', originalPath: `/in/${id}.mp4` },
    tags: [],
    favourite: false,
    folder: null,
  };
}

export function audioAsset(id: string, seconds: number): Asset {
  return {
    ...videoAsset(id),
    kind: 'audio',
    path: `media/${id}.wav`,
    media: {
      container: 'wav',
      duration: { num: seconds, den: 1 },
      sizeBytes: 1000,
      video: null,
      audio: {
        codec: 'pcm_s16le',
        sampleRate: 48000,
        channels: 2,
        channelLayout: 'stereo',
        sampleCount: seconds * 48000,
      },
      audioStreamCount: 1,
    },
  };
}

export { clip } from '../../helpers/modelFixtures';

function track(id: string, kind: Track['kind'], role: Track['role'], items: Track['items']): Track {
  return { id, kind, name: id, role, items, muted: false, solo: false, locked: false, heightPx: 64 };
}

/** A project with fixed ids (golden files need them) and sequence "seq" built from the given tracks. */
export function renderProject(
  assets: Asset[],
  picture: Track['items'],
  audioTracks: Array<{ role: Track['role']; items: Track['items'] }> = [],
  sequenceExtra: Partial<Sequence> = {},
): Project {
  const project = newProject({ name: 'Golden', now: new Date('2026-01-01T00:00:00Z') });
  const sequence: Sequence = {
    id: 'seq',
    name: 'Cut',
    rate: { num: 24, den: 1 },
    width: 1920,
    height: 1080,
    sampleRate: 48000,
    videoTracks: [track('v1', 'video', 'picture', picture)],
    audioTracks: audioTracks.map((entry, index) => track(`a${index + 1}`, 'audio', entry.role, entry.items)),
    markers: [],
    inFrame: null,
    outFrame: null,
    ducking: { enabled: false, amountDb: -12 },
    ...sequenceExtra,
  };
  return {
    ...project,
    id: 'prj',
    assets: Object.fromEntries(assets.map((asset) => [asset.id, asset])),
    sequences: { seq: sequence },
    sequenceOrder: ['seq'],
  };
}
