import type { Keyframe, Sequence } from '../model';
import { rescale } from '../time/rescale';
import type { PlacedClip } from './flatten';

/** Every audio piece is brought to this before mixing: 32-bit float, stereo, the sequence rate. */
export function audioFormat(sequence: Sequence): string {
  return `aformat=sample_fmts=flt:sample_rates=${sequence.sampleRate}:channel_layouts=stereo`;
}

function seconds(frames: number, sequence: Sequence): string {
  // Expression constants: plain decimals, 6 places.
  return (frames * (sequence.rate.den / sequence.rate.num)).toFixed(6);
}

/** Piecewise-linear dB line through the keyframes (frames from the clip's start), as an expression of T. */
function keyframeDb(keyframes: Keyframe[], sequence: Sequence): string {
  const points = [...keyframes].sort((a, b) => a.frame - b.frame);
  const last = points[points.length - 1];
  if (!last) return '0';
  let expression = last.value.toFixed(3);
  for (let index = points.length - 2; index >= 0; index -= 1) {
    const a = points[index];
    const b = points[index + 1];
    if (!a || !b) continue;
    const ta = seconds(a.frame, sequence);
    const tb = seconds(b.frame, sequence);
    const span = b.frame === a.frame ? '1' : `(${tb}-${ta})`;
    const ramp = `${a.value.toFixed(3)}+(${(b.value - a.value).toFixed(3)})*(T-${ta})/${span}`;
    expression = `if(lt(T,${tb}),${ramp},${expression})`;
  }
  const first = points[0];
  if (first)
    expression = `if(lt(T,${seconds(first.frame, sequence)}),${first.value.toFixed(3)},${expression})`;
  return expression;
}

/**
 * The clip's gain, volume keyframes and fades as one `volume` filter evaluated per audio frame. `t`
 * is the piece's own time; `offsetSeconds` is where the piece starts relative to the clip's start
 * (negative inside a transition handle, where the clip's own fades do not apply).
 */
export function clipVolumeFilter(
  placed: PlacedClip,
  sequence: Sequence,
  offsetSeconds: string,
): string | null {
  const { clip } = placed;
  const factors: string[] = [];
  const hasKeyframes = clip.volumeKeyframes.length > 0;
  if (clip.gainDb !== 0 || hasKeyframes) {
    factors.push(`pow(10,(${clip.gainDb.toFixed(3)}+${keyframeDb(clip.volumeKeyframes, sequence)})/20)`);
  }
  const length = seconds(clip.durationFrames, sequence);
  if (clip.audioFadeInFrames > 0) {
    factors.push(`if(lt(T,0),1,min(1,T/${seconds(clip.audioFadeInFrames, sequence)}))`);
  }
  if (clip.audioFadeOutFrames > 0) {
    factors.push(
      `if(gt(T,${length}),1,max(0,min(1,(${length}-T)/${seconds(clip.audioFadeOutFrames, sequence)})))`,
    );
  }
  if (factors.length === 0) return null;
  const expression = factors.join('*').replaceAll('T', `(t+${offsetSeconds})`);
  return `volume='${expression}':eval=frame`;
}

/** Seconds from the clip's start to clip frame `clipFrom`, as an expression constant. */
export function clipOffsetSeconds(clipFrom: number, sequence: Sequence): string {
  return seconds(clipFrom, sequence);
}

/**
 * A clip's sound from its input, fitted to exactly `samples` samples (apad + atrim: AAC end padding
 * would otherwise drift 13 ms per shot), with its volume line. `skipSamples` drops samples first
 * (when the read started before clip frame `clipFrom`).
 */
export function clipSoundChain(
  inputLabel: string,
  placed: PlacedClip,
  sequence: Sequence,
  clipFrom: number,
  samples: number,
  outputLabel: string,
  skipSamples = 0,
): string {
  const volume = clipVolumeFilter(placed, sequence, clipOffsetSeconds(clipFrom, sequence));
  const filters = [
    `aresample=${sequence.sampleRate}`,
    audioFormat(sequence),
    ...(skipSamples > 0 ? [`atrim=start_sample=${skipSamples}`] : []),
    'asetpts=PTS-STARTPTS',
    'apad',
    `atrim=end_sample=${samples}`,
    ...(volume ? [volume] : []),
  ];
  return `[${inputLabel}]${filters.join(',')}[${outputLabel}]`;
}

/** Exactly `samples` samples of silence. */
export function silenceChain(sequence: Sequence, samples: number, outputLabel: string): string {
  return `anullsrc=r=${sequence.sampleRate}:cl=stereo,atrim=end_sample=${samples},${audioFormat(sequence)}[${outputLabel}]`;
}

/** A linear crossfade of two equal-length pieces, then the part kept inside the range. */
export function crossfadeChain(
  fromLabel: string,
  toLabel: string,
  samples: number,
  keepFrom: number,
  keepSamples: number,
  outputLabel: string,
): string {
  return (
    `[${fromLabel}]afade=t=out:ss=0:ns=${samples}[${fromLabel}f];` +
    `[${toLabel}]afade=t=in:ss=0:ns=${samples}[${toLabel}f];` +
    `[${fromLabel}f][${toLabel}f]amix=inputs=2:normalize=0,` +
    `atrim=start_sample=${keepFrom}:end_sample=${keepFrom + keepSamples},asetpts=PTS-STARTPTS[${outputLabel}]`
  );
}

/** Sample count of `frames` frames at the sequence rate starting at timeline frame `startFrame`. */
export function samplesBetween(startFrame: number, endFrame: number, sequence: Sequence): number {
  const rate = { num: sequence.sampleRate, den: 1 };
  return rescale(endFrame, sequence.rate, rate, 'round') - rescale(startFrame, sequence.rate, rate, 'round');
}
