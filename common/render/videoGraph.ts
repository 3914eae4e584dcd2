import type { Sequence, TransitionKind } from '../model';
import { formatRational } from '../time/rational';
import type { PlacedClip } from './flatten';
import { animatedOpacityFilters } from './opacity';
import { framesToSeconds } from './sourceTime';

export interface PictureFormat {
  width: number;
  height: number;
  pixelFormat: string;
}

export const xfadeNames: Record<TransitionKind, string> = {
  dissolve: 'fade',
  dipToBlack: 'fadeblack',
  dipToWhite: 'fadewhite',
  wipeLeft: 'wipeleft',
  wipeRight: 'wiperight',
  wipeUp: 'wipeup',
  wipeDown: 'wipedown',
};

/**
 * How a clip's picture is used: the picture itself (opacity over black), or laid over the picture
 * below (with an alpha channel: transparent bars, opacity and fades on the alpha).
 */
export type Layer = 'picture' | 'overlay';

/** Scale and pad (fit) or scale and crop (fill) to the output, square pixels, even sizes. */
function shapeFilters(placed: PlacedClip, format: PictureFormat, layer: Layer): string[] {
  const filters: string[] = [];
  const aspect = placed.asset.media.video?.sampleAspect;
  if (aspect && aspect.num > 0 && aspect.num !== aspect.den) filters.push('scale=trunc(iw*sar/2)*2:ih');
  const { width, height } = format;
  const alpha = layer === 'overlay' ? ['format=yuva420p'] : [];
  if (placed.clip.fit === 'fill') {
    filters.push(
      `scale=${width}:${height}:force_original_aspect_ratio=increase`,
      `crop=${width}:${height}`,
      ...alpha,
    );
  } else {
    filters.push(
      `scale=${width}:${height}:force_original_aspect_ratio=decrease:force_divisible_by=2`,
      ...alpha,
      `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=${layer === 'overlay' ? 'black@0' : 'black'}`,
    );
  }
  filters.push('setsar=1');
  return filters;
}

/**
 * The clip's fades and opacity (over black for the picture, on the alpha for an overlay); frames
 * count from clip frame `readFrom` (<= 0). An opacity line (keyframes) needs how many frames are
 * read and a name for its mixer.
 */
function pictureEffects(
  placed: PlacedClip,
  readFrom: number,
  animation: { sequence: Sequence; frames: number; name: string },
  layer: Layer,
): string[] {
  const { clip } = placed;
  const filters: string[] = [];
  const onAlpha = layer === 'overlay' ? ':alpha=1' : '';
  if (clip.videoFadeInFrames > 0)
    filters.push(`fade=t=in:s=${-readFrom}:n=${clip.videoFadeInFrames}${onAlpha}`);
  if (clip.videoFadeOutFrames > 0) {
    const start = Math.max(0, clip.durationFrames - clip.videoFadeOutFrames) - readFrom;
    filters.push(`fade=t=out:s=${start}:n=${clip.videoFadeOutFrames}${onAlpha}`);
  }
  const { sequence, frames, name } = animation;
  if (clip.opacityKeyframes.length > 0) {
    if (layer === 'overlay')
      filters.push(...animatedOpacityFilters(clip, sequence, readFrom, frames, name, ['aa']));
    else
      filters.push(
        'format=gbrp',
        ...animatedOpacityFilters(clip, sequence, readFrom, frames, name, ['rr', 'gg', 'bb']),
      );
  } else if (clip.opacity < 1 && layer === 'overlay') {
    filters.push(`colorchannelmixer=aa=${clip.opacity.toFixed(4)}`);
  } else if (clip.opacity < 1) {
    const o = clip.opacity.toFixed(4);
    filters.push('format=yuv420p', `lutyuv=y=val*${o}:u=128+(val-128)*${o}:v=128+(val-128)*${o}`);
  }
  return filters;
}

/** Fades or opacity: the picture differs from the source's (never stream-copied). */
export function hasPictureEffects(placed: PlacedClip): boolean {
  const { clip } = placed;
  return (
    clip.videoFadeInFrames > 0 ||
    clip.videoFadeOutFrames > 0 ||
    clip.opacity < 1 ||
    clip.opacityKeyframes.length > 0
  );
}

/** Where to start reading a clip to show it from clip frame `clipFrom`: fades count from its start. */
export function readStartFrame(placed: PlacedClip, clipFrom: number): number {
  return hasPictureEffects(placed) ? Math.min(0, clipFrom) : clipFrom;
}

/**
 * The chain that turns input `inputLabel` (read from the source time of clip frame `readFrom`, see
 * readStartFrame) into exactly `frames` frames of the output picture from clip frame `clipFrom`; an
 * overlay keeps its alpha (yuva420p) for compositeChain.
 */
export function clipPictureChain(
  inputLabel: string,
  placed: PlacedClip,
  sequence: Sequence,
  format: PictureFormat,
  readFrom: number,
  clipFrom: number,
  frames: number,
  outputLabel: string,
  layer: Layer = 'picture',
): string {
  const skip = clipFrom - readFrom;
  const animation = { sequence, frames: skip + frames, name: outputLabel };
  const filters = [
    `fps=${formatRational(sequence.rate)}`,
    'tpad=stop_mode=clone:stop=-1',
    ...shapeFilters(placed, format, layer),
    ...pictureEffects(placed, readFrom, animation, layer),
    skip > 0 ? `trim=start_frame=${skip}:end_frame=${skip + frames}` : `trim=end_frame=${frames}`,
    'setpts=PTS-STARTPTS',
    `format=${layer === 'overlay' ? 'yuva420p' : format.pixelFormat}`,
  ];
  return `[${inputLabel}]${filters.join(',')}[${outputLabel}]`;
}

/** Black frames for a gap. */
export function blackChain(
  sequence: Sequence,
  format: PictureFormat,
  frames: number,
  outputLabel: string,
): string {
  return (
    `color=c=black:s=${format.width}x${format.height}:r=${formatRational(sequence.rate)},` +
    `trim=end_frame=${frames},setpts=PTS-STARTPTS,setsar=1,format=${format.pixelFormat}[${outputLabel}]`
  );
}

/** The blend of two prepared windows, then the part inside the range. */
export function transitionChain(
  fromLabel: string,
  toLabel: string,
  kind: TransitionKind,
  sequence: Sequence,
  windowFrames: number,
  keepFrom: number,
  keepFrames: number,
  outputLabel: string,
): string {
  const duration = framesToSeconds(windowFrames, sequence.rate);
  return (
    `[${fromLabel}][${toLabel}]xfade=transition=${xfadeNames[kind]}:duration=${duration}:offset=0,` +
    `trim=start_frame=${keepFrom}:end_frame=${keepFrom + keepFrames},setpts=PTS-STARTPTS[${outputLabel}]`
  );
}
