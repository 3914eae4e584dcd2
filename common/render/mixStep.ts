import type { Sequence, Track } from '../model';
import { audioFormat, clipSoundChain, samplesBetween, silenceChain } from './audioGraph';
import type { FlatTrack, PlacedClip } from './flatten';
import type { AudioEncoding } from './presets';
import type { PlanInvocation } from './renderPlan';
import { framesToSeconds, sourceOffsetUs, usToSeconds } from './sourceTime';

export interface MixTrack {
  track: Track;
  flat: FlatTrack;
}

export interface MixOptions {
  sequence: Sequence;
  startFrame: number;
  endFrame: number;
  /** The picture track's sound, already fitted and joined (a concat list of chunks). */
  pictureSoundList: string;
  tracks: MixTrack[];
  audible: (placed: PlacedClip) => boolean;
  ducking: { enabled: boolean; amountDb: number };
  loudnessLufs: number | null;
  encoding: AudioEncoding;
  output: string;
  outputOptions: string[];
}

/** One external audio track as a concat of clip pieces and silences covering the whole range. */
function trackChain(
  mix: MixTrack,
  index: number,
  options: MixOptions,
  inputs: PlanInvocation['inputs'],
  graph: string[],
): string | null {
  const { sequence, startFrame, endFrame } = options;
  const pieces: string[] = [];
  let cursor = startFrame;
  let piece = 0;
  const label = (): string => `t${index}p${piece++}`;
  const silence = (frames: number): void => {
    const name = label();
    graph.push(silenceChain(sequence, samplesBetween(cursor, cursor + frames, sequence), name));
    pieces.push(`[${name}]`);
    cursor += frames;
  };
  for (const placed of mix.flat.clips) {
    if (!options.audible(placed) || !placed.asset.media.audio) continue;
    const from = Math.max(placed.startFrame, startFrame);
    const to = Math.min(placed.startFrame + placed.clip.durationFrames, endFrame);
    if (to <= from) continue;
    if (from > cursor) silence(from - cursor);
    const clipFrom = from - placed.startFrame;
    const frames = to - from;
    const inputIndex = inputs.length + 1;
    inputs.push({
      path: `@asset/${placed.asset.id}`,
      options: [
        '-ss',
        usToSeconds(sourceOffsetUs(placed, sequence, clipFrom)),
        '-t',
        framesToSeconds(frames + 2, sequence.rate),
      ],
    });
    const name = label();
    graph.push(
      clipSoundChain(
        `${inputIndex}:a:0`,
        placed,
        sequence,
        clipFrom,
        samplesBetween(from, to, sequence),
        name,
      ),
    );
    pieces.push(`[${name}]`);
    cursor = to;
  }
  if (pieces.length === 0) return null;
  if (endFrame > cursor) silence(endFrame - cursor);
  const out = `track${index}`;
  graph.push(`${pieces.join('')}concat=n=${pieces.length}:v=0:a=1[${out}]`);
  return out;
}

function sum(labels: string[], out: string, graph: string[]): string | null {
  if (labels.length === 0) return null;
  if (labels.length === 1) return labels[0] ?? null;
  graph.push(
    `${labels.map((label) => `[${label}]`).join('')}amix=inputs=${labels.length}:normalize=0[${out}]`,
  );
  return out;
}

/**
 * The whole sound in one pass: the picture's sound, every external track, music ducked under the
 * dialogue (sidechaincompress; `mix` limits the reduction to about amountDb), optional loudness
 * normalisation, and exactly the expected sample count.
 */
export function mixInvocation(options: MixOptions): PlanInvocation {
  const { sequence } = options;
  const inputs: PlanInvocation['inputs'] = [];
  const graph: string[] = [`[0:a:0]${audioFormat(sequence)}[picture]`];
  const key: string[] = ['picture'];
  const music: string[] = [];
  const effects: string[] = [];
  options.tracks.forEach((mix, index) => {
    const label = trackChain(mix, index, options, inputs, graph);
    if (!label) return;
    if (mix.track.role === 'music') music.push(label);
    else if (mix.track.role === 'effects') effects.push(label);
    else key.push(label);
  });
  let keyBus = sum(key, 'keybus', graph) ?? 'picture';
  let musicBus = sum(music, 'musicbus', graph);
  if (options.ducking.enabled && musicBus) {
    const mixAmount = Math.min(1, Math.max(0, 1 - 10 ** (options.ducking.amountDb / 20))).toFixed(4);
    graph.push(`[${keyBus}]asplit=2[keymain][keyside]`);
    graph.push(
      `[${musicBus}][keyside]sidechaincompress=threshold=0.02:ratio=20:attack=20:release=400:mix=${mixAmount}[ducked]`,
    );
    keyBus = 'keymain';
    musicBus = 'ducked';
  }
  const total = samplesBetween(options.startFrame, options.endFrame, sequence);
  const finalBus = sum([keyBus, ...(musicBus ? [musicBus] : []), ...effects], 'mixbus', graph) ?? keyBus;
  const loudness =
    options.loudnessLufs !== null
      ? [`loudnorm=I=${options.loudnessLufs}:TP=-1.5:LRA=11`, `aresample=${sequence.sampleRate}`]
      : [];
  graph.push(
    `[${finalBus}]${[...loudness, audioFormat(sequence), 'apad', `atrim=end_sample=${total}`].join(',')}[mix]`,
  );
  return {
    inputs: [{ path: options.pictureSoundList, options: ['-f', 'concat', '-safe', '0'] }, ...inputs],
    globalOptions: [],
    filterComplex: graph.join(';'),
    outputs: [
      {
        path: options.output,
        options: [
          '-map',
          '[mix]',
          '-c:a',
          options.encoding.encoder,
          ...options.encoding.encoderArgs,
          '-ar',
          String(sequence.sampleRate),
          '-ac',
          '2',
          ...options.outputOptions,
        ],
      },
    ],
  };
}
