import type { Clip } from './schema/sequence';

/** What a clip must be given; everything else starts neutral (whole picture, full opacity, 0 dB). */
export type ClipFields = Pick<Clip, 'id' | 'assetId' | 'durationFrames'> & Partial<Omit<Clip, 'type'>>;

/** A clip with the neutral defaults: fitted, opaque, no fades or keyframes, unmuted at 0 dB. */
export function newClip(fields: ClipFields): Clip {
  return {
    type: 'clip',
    shotId: null,
    name: '',
    sourceIn: 0,
    enabled: true,
    fit: 'fit',
    opacity: 1,
    opacityKeyframes: [],
    videoFadeInFrames: 0,
    videoFadeOutFrames: 0,
    gainDb: 0,
    muted: false,
    volumeKeyframes: [],
    audioFadeInFrames: 0,
    audioFadeOutFrames: 0,
    ...fields,
  };
}
