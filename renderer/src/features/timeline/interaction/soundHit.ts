import type { Keyframe } from '../../../../../common/model';
import { clipRegions } from '../geometry/clipRegions';
import { clipBox } from '../draw/drawClips';
import { dbToY } from '../draw/palette';
import { assetHasAudio, type LaneScene } from '../draw/scene';
import type { DrawnClip } from '../draw/visibleClips';
import { volumeDbAt } from '../../viewer/playback/sequenceTiming';

export type SoundHit =
  | { kind: 'keyframe'; drawn: DrawnClip; index: number; keyframes: Keyframe[] }
  | { kind: 'line'; drawn: DrawnClip; localFrame: number; db: number }
  | { kind: 'fade'; drawn: DrawnClip; edge: 'in' | 'out' };

/** Keyframe points, the volume line and the fade handles under a point (viewport coordinates). */
export function soundHit(
  scene: LaneScene,
  clips: readonly DrawnClip[],
  x: number,
  y: number,
): SoundHit | null {
  for (const drawn of clips) {
    if (drawn.ghost || drawn.locked) continue;
    const box = clipBox(scene, drawn);
    if (x < box.x - 5 || x > box.x + box.width + 5 || y < box.y || y > box.y + box.height) continue;
    const sound = clipRegions(box, drawn.trackKind, assetHasAudio(scene.assets[drawn.clip.assetId])).sound;
    if (!sound || box.width < 30) continue;
    const clip = drawn.clip;
    const px = scene.scale.pxPerFrame;
    const fadeIn = drawn.trackKind === 'audio' ? clip.audioFadeInFrames : clip.videoFadeInFrames;
    const fadeOut = drawn.trackKind === 'audio' ? clip.audioFadeOutFrames : clip.videoFadeOutFrames;
    if (y <= box.y + 9) {
      if (Math.abs(x - (box.x + fadeIn * px)) <= 5) return { kind: 'fade', drawn, edge: 'in' };
      if (Math.abs(x - (box.x + box.width - fadeOut * px)) <= 5) return { kind: 'fade', drawn, edge: 'out' };
    }
    if (y < sound.y) continue;
    const keyframes = [...clip.volumeKeyframes].sort((a, b) => a.frame - b.frame);
    const index = keyframes.findIndex(
      (keyframe) =>
        Math.abs(box.x + keyframe.frame * px - x) <= 6 &&
        Math.abs(dbToY(keyframe.value, sound.y, sound.height) - y) <= 6,
    );
    if (index >= 0) return { kind: 'keyframe', drawn, index, keyframes };
    const localFrame = Math.max(0, Math.min(clip.durationFrames, Math.round((x - box.x) / px)));
    const db = volumeDbAt(clip, localFrame);
    if (Math.abs(dbToY(db, sound.y, sound.height) - y) <= 5) return { kind: 'line', drawn, localFrame, db };
  }
  return null;
}
