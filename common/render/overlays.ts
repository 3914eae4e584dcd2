import type { FlatTrack, PictureSegment, PlacedClip } from './flatten';
import type { PlanIssue } from './renderPlan';
import type { PictureFormat } from './videoGraph';

/**
 * Upper video tracks: their clips are laid over the picture below (the lowest track with clips),
 * track above track. Gaps on an upper track are transparent; so are the bars a "fit" clip leaves.
 */
export interface OverlayTrack {
  clips: PlacedClip[];
}

/** The clips of the upper tracks, lowest first; transitions there are refused (not composited yet). */
export function overlayTracks(
  upper: Array<{ flat: FlatTrack; path: Array<string | number> }>,
  issues: PlanIssue[],
): OverlayTrack[] {
  const tracks: OverlayTrack[] = [];
  for (const { flat, path } of upper) {
    if (flat.segments.some((segment) => segment.kind === 'transition')) {
      issues.push({
        code: 'OVERLAY_TRANSITION_UNSUPPORTED',
        message:
          'Transitions on an upper video track are not exported yet; use fades there, or move the clips onto the lowest track.',
        path,
      });
    }
    if (flat.clips.length > 0) tracks.push({ clips: flat.clips });
  }
  return tracks;
}

/** The overlay clips showing over every frame of [startFrame, endFrame), lowest track first. */
function overlaysOver(tracks: OverlayTrack[], startFrame: number, endFrame: number): PlacedClip[] {
  return tracks.flatMap((track) =>
    track.clips.filter(
      (placed) =>
        placed.startFrame <= startFrame && placed.startFrame + placed.clip.durationFrames >= endFrame,
    ),
  );
}

/**
 * Cuts the picture segments wherever an overlay clip starts or ends, and gives each piece the
 * overlays over it. Pieces without overlays are the segments as they were.
 */
export function splitAtOverlays(segments: PictureSegment[], tracks: OverlayTrack[]): PictureSegment[] {
  if (tracks.length === 0) return segments;
  const cuts = new Set<number>();
  for (const track of tracks)
    for (const placed of track.clips) {
      cuts.add(placed.startFrame);
      cuts.add(placed.startFrame + placed.clip.durationFrames);
    }
  const result: PictureSegment[] = [];
  for (const segment of segments) {
    const end = segment.startFrame + segment.durationFrames;
    const inside = [...cuts]
      .filter((frame) => frame > segment.startFrame && frame < end)
      .sort((a, b) => a - b);
    const bounds = [segment.startFrame, ...inside, end];
    for (let index = 0; index + 1 < bounds.length; index += 1) {
      const from = bounds[index] as number;
      const to = bounds[index + 1] as number;
      const overlays = overlaysOver(tracks, from, to);
      result.push({
        ...segment,
        startFrame: from,
        durationFrames: to - from,
        ...(overlays.length > 0 ? { overlays } : {}),
      });
    }
  }
  return result;
}

/** Lays `overlayLabels` (lowest first) over `baseLabel`, in the output's pixel format. */
export function compositeChain(
  baseLabel: string,
  overlayLabels: string[],
  format: PictureFormat,
  outputLabel: string,
): string {
  const steps: string[] = [];
  let below = baseLabel;
  overlayLabels.forEach((label, index) => {
    const result = index === overlayLabels.length - 1 ? outputLabel : `${outputLabel}${index}`;
    const tail = index === overlayLabels.length - 1 ? `,format=${format.pixelFormat}` : '';
    steps.push(`[${below}][${label}]overlay=x=0:y=0:format=auto:eof_action=pass${tail}[${result}]`);
    below = result;
  });
  return steps.join(';');
}
