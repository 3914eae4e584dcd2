import type { Keyframe } from '../../../../../common/model';
import { clipRegions } from '../geometry/clipRegions';
import { frameToX, visibleFrames } from '../geometry/timeScale';
import { dbToY, palette } from './palette';
import { clipBox } from './drawClips';
import { assetHasAudio, type LaneScene } from './scene';
import type { DrawnClip } from './visibleClips';

const transitionLabels: Record<string, string> = {
  dissolve: 'Dissolve',
  dipToBlack: 'Dip to black',
  dipToWhite: 'Dip to white',
  wipeLeft: 'Wipe ←',
  wipeRight: 'Wipe →',
  wipeUp: 'Wipe ↑',
  wipeDown: 'Wipe ↓',
};

/** Volume line with its keyframes, and the fade ramps, over a clip's sound area. */
function drawSound(ctx: CanvasRenderingContext2D, scene: LaneScene, drawn: DrawnClip): void {
  const box = clipBox(scene, drawn);
  const regions = clipRegions(box, drawn.trackKind, assetHasAudio(scene.assets[drawn.clip.assetId]));
  const sound = regions.sound;
  if (!sound || sound.height < 10 || box.width < 6 || drawn.ghost) return;
  const clip = drawn.clip;
  const volume =
    scene.volume?.clipId === clip.id
      ? scene.volume
      : { gainDb: clip.gainDb, keyframes: clip.volumeKeyframes };
  const fadeFrames = (edge: 'in' | 'out') =>
    scene.fade?.clipId === clip.id && scene.fade.edge === edge
      ? scene.fade.frames
      : drawn.trackKind === 'audio'
        ? edge === 'in'
          ? clip.audioFadeInFrames
          : clip.audioFadeOutFrames
        : edge === 'in'
          ? clip.videoFadeInFrames
          : clip.videoFadeOutFrames;
  const px = scene.scale.pxPerFrame;
  // Fades: a darkened ramp and a handle at the top corner.
  const fadeIn = fadeFrames('in') * px;
  const fadeOut = fadeFrames('out') * px;
  ctx.fillStyle = palette.fade;
  if (fadeIn > 0) {
    ctx.beginPath();
    ctx.moveTo(box.x, box.y + box.height);
    ctx.lineTo(box.x + fadeIn, box.y);
    ctx.lineTo(box.x, box.y);
    ctx.fill();
  }
  if (fadeOut > 0) {
    ctx.beginPath();
    ctx.moveTo(box.x + box.width, box.y + box.height);
    ctx.lineTo(box.x + box.width - fadeOut, box.y);
    ctx.lineTo(box.x + box.width, box.y);
    ctx.fill();
  }
  if (box.width > 30) {
    ctx.fillStyle = '#e8ecf4';
    ctx.fillRect(box.x + fadeIn - 3, box.y + 1, 6, 6);
    ctx.fillRect(box.x + box.width - fadeOut - 3, box.y + 1, 6, 6);
  }
  // Volume line.
  const keyframes: readonly Keyframe[] = [...volume.keyframes].sort((a, b) => a.frame - b.frame);
  ctx.strokeStyle = palette.volumeLine;
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  if (keyframes.length === 0) {
    const y = dbToY(volume.gainDb, sound.y, sound.height);
    ctx.moveTo(box.x, y);
    ctx.lineTo(box.x + box.width, y);
  } else {
    ctx.moveTo(box.x, dbToY(keyframes[0]!.value, sound.y, sound.height));
    for (const keyframe of keyframes)
      ctx.lineTo(box.x + keyframe.frame * px, dbToY(keyframe.value, sound.y, sound.height));
    ctx.lineTo(box.x + box.width, dbToY(keyframes[keyframes.length - 1]!.value, sound.y, sound.height));
  }
  ctx.stroke();
  ctx.fillStyle = palette.keyframe;
  for (const keyframe of keyframes) {
    const x = box.x + keyframe.frame * px;
    const y = dbToY(keyframe.value, sound.y, sound.height);
    ctx.beginPath();
    ctx.moveTo(x, y - 4);
    ctx.lineTo(x + 4, y);
    ctx.lineTo(x, y + 4);
    ctx.lineTo(x - 4, y);
    ctx.closePath();
    ctx.fill();
  }
}

export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  scene: LaneScene,
  clips: readonly DrawnClip[],
): void {
  ctx.clearRect(0, 0, scene.width, scene.height);
  const { startFrame, endFrame } = visibleFrames(scene.scale, scene.width);
  // In / out range.
  if (scene.inFrame !== null || scene.outFrame !== null) {
    const left = frameToX(scene.inFrame ?? 0, scene.scale);
    const right = scene.outFrame !== null ? frameToX(scene.outFrame, scene.scale) : scene.width;
    ctx.fillStyle = palette.markIn;
    ctx.fillRect(left, 0, right - left, scene.height);
  }
  for (const drawn of clips) drawSound(ctx, scene, drawn);
  // Selection outlines.
  ctx.strokeStyle = palette.selected;
  ctx.lineWidth = 2;
  for (const drawn of clips) {
    if (drawn.ghost || !scene.selection.has(drawn.clip.id)) continue;
    const box = clipBox(scene, drawn);
    ctx.strokeRect(box.x + 1, box.y + 1, box.width - 2, box.height - 2);
  }
  // Transitions, centred on their cuts.
  const rowsById = new Map(scene.rows.map((row) => [row.trackId, row]));
  ctx.font = '600 10px Inter, "Segoe UI", system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const track of scene.layout.tracks) {
    const row = rowsById.get(track.track.id);
    if (!row) continue;
    for (const placed of track.transitions) {
      if (placed.endFrame < startFrame || placed.startFrame > endFrame) continue;
      const x = frameToX(placed.startFrame, scene.scale);
      const width = Math.max(4, placed.transition.durationFrames * scene.scale.pxPerFrame);
      const y = row.top - scene.scrollTop + row.height / 2;
      const height = row.height / 2 - 2;
      ctx.fillStyle = palette.transition;
      ctx.beginPath();
      ctx.roundRect(x, y, width, height, 3);
      ctx.fill();
      ctx.strokeStyle = 'rgba(40, 50, 70, 0.55)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, y + height);
      ctx.lineTo(x + width, y);
      ctx.stroke();
      if (scene.selection.has(placed.transition.id)) {
        ctx.strokeStyle = palette.selected;
        ctx.lineWidth = 2;
        ctx.strokeRect(x, y, width, height);
      }
      if (width > 50) {
        ctx.fillStyle = palette.transitionText;
        ctx.fillText(
          transitionLabels[placed.transition.kind] ?? placed.transition.kind,
          x + 5,
          y + height / 2,
        );
      }
    }
  }
  // Markers as thin lines through the lanes.
  for (const marker of scene.markers) {
    if (marker.frame < startFrame || marker.frame > endFrame) continue;
    ctx.fillStyle = palette.markers[marker.color];
    ctx.globalAlpha = 0.5;
    ctx.fillRect(Math.round(frameToX(marker.frame, scene.scale)), 0, 1, scene.height);
    ctx.globalAlpha = 1;
  }
  // Drop previews: a cut for a transition, a ghost clip from the bin.
  if (scene.dropCut) {
    const row = rowsById.get(scene.dropCut.trackId);
    if (row) {
      ctx.fillStyle = palette.dropCut;
      ctx.fillRect(frameToX(scene.dropCut.frame, scene.scale) - 2, row.top - scene.scrollTop, 4, row.height);
    }
  }
  if (scene.dropClip) {
    const row = rowsById.get(scene.dropClip.trackId);
    if (row) {
      const x = frameToX(scene.dropClip.startFrame, scene.scale);
      ctx.fillStyle = 'rgba(79, 140, 255, 0.35)';
      ctx.strokeStyle = palette.marqueeBorder;
      ctx.lineWidth = 1;
      const width = scene.dropClip.durationFrames * scene.scale.pxPerFrame;
      ctx.fillRect(x, row.top - scene.scrollTop + 1, width, row.height - 2);
      ctx.strokeRect(x + 0.5, row.top - scene.scrollTop + 1.5, width - 1, row.height - 3);
      if (scene.dropClip.insert) {
        ctx.fillStyle = palette.selected;
        ctx.fillRect(x - 1, 0, 3, scene.height);
      }
    }
  }
  if (scene.snap) {
    ctx.fillStyle = palette.snapGuide;
    ctx.fillRect(Math.round(frameToX(scene.snap.frame, scene.scale)), 0, 1, scene.height);
  }
  if (scene.marquee) {
    const { x1, y1, x2, y2 } = scene.marquee;
    ctx.fillStyle = palette.marquee;
    ctx.strokeStyle = palette.marqueeBorder;
    ctx.lineWidth = 1;
    const y = Math.min(y1, y2) - scene.scrollTop;
    ctx.fillRect(Math.min(x1, x2), y, Math.abs(x2 - x1), Math.abs(y2 - y1));
    ctx.strokeRect(Math.min(x1, x2) + 0.5, y + 0.5, Math.abs(x2 - x1), Math.abs(y2 - y1));
  }
  const playheadX = Math.round(frameToX(scene.playheadFrame, scene.scale));
  ctx.fillStyle = palette.playhead;
  ctx.fillRect(playheadX, 0, 1, scene.height);
}
