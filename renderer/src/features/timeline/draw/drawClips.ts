import { clipRegions, type Rect } from '../geometry/clipRegions';
import { frameToX } from '../geometry/timeScale';
import { assetRate } from '../../viewer/playback/sequenceTiming';
import { palette } from './palette';
import { scaledFilmstrip } from './scaledFilmstrip';
import { assetHasAudio, type LaneScene, type LoadedFilmstrip } from './scene';
import type { DrawnClip } from './visibleClips';

/** The on-screen box of a drawn clip (viewport coordinates). */
export function clipBox(scene: LaneScene, drawn: DrawnClip): Rect {
  const x = frameToX(drawn.startFrame, scene.scale);
  const right = frameToX(drawn.endFrame, scene.scale);
  return {
    x,
    y: drawn.row.top - scene.scrollTop + 1,
    width: Math.max(1, right - x),
    height: drawn.row.height - 2,
  };
}

/** Lanes: alternating track backgrounds, locked hatching, the video/audio divider and time grid. */
export function drawLaneBackgrounds(
  ctx: CanvasRenderingContext2D,
  scene: LaneScene,
  gridFrames: readonly number[],
): void {
  ctx.fillStyle = palette.divider;
  ctx.fillRect(0, 0, scene.width, scene.height);
  scene.rows.forEach((row, index) => {
    const track = scene.layout.tracks[index]?.track;
    const y = row.top - scene.scrollTop;
    ctx.fillStyle =
      index % 2 === 0 ? (row.kind === 'video' ? palette.laneVideo : palette.laneAudio) : palette.laneAlt;
    ctx.fillRect(0, y, scene.width, row.height - 1);
    if (track?.locked) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, y, scene.width, row.height - 1);
      ctx.clip();
      ctx.strokeStyle = palette.laneLocked;
      ctx.lineWidth = 6;
      for (let x = -row.height; x < scene.width; x += 18) {
        ctx.beginPath();
        ctx.moveTo(x, y + row.height);
        ctx.lineTo(x + row.height, y);
        ctx.stroke();
      }
      ctx.restore();
    }
  });
  ctx.fillStyle = palette.gridLine;
  for (const frame of gridFrames) {
    const x = Math.round(frameToX(frame, scene.scale));
    ctx.fillRect(x, 0, 1, scene.height);
  }
}

function drawFilmstrip(
  ctx: CanvasRenderingContext2D,
  scene: LaneScene,
  drawn: DrawnClip,
  area: Rect,
  loaded: LoadedFilmstrip,
): void {
  const scaled = scaledFilmstrip(loaded, area.height);
  if (!scaled) return;
  const { strip } = loaded;
  const tileWidth = scaled.tileWidth;
  const asset = scene.assets[drawn.clip.assetId];
  const rate = assetRate(asset);
  const sequenceFps = scene.rate.num / scene.rate.den;
  const assetFps = rate.num / rate.den;
  const visibleLeft = Math.max(area.x, 0);
  const visibleRight = Math.min(area.x + area.width, scene.width);
  const firstTile = Math.floor((visibleLeft - area.x) / tileWidth);
  const y = Math.round(area.y);
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.width, area.height);
  ctx.clip();
  for (let tile = firstTile; area.x + tile * tileWidth < visibleRight; tile += 1) {
    const x = Math.round(area.x + tile * tileWidth);
    const offsetFrames = (tile * tileWidth) / scene.scale.pxPerFrame + drawn.slipFrames;
    const sourceFrame = drawn.clip.sourceIn + (offsetFrames / sequenceFps) * assetFps;
    let cell = 0;
    for (let index = 1; index < strip.sourceFrames.length; index += 1) {
      if (strip.sourceFrames[index]! <= sourceFrame) cell = index;
    }
    ctx.drawImage(
      scaled.canvas,
      cell * tileWidth,
      0,
      tileWidth,
      scaled.height,
      x,
      y,
      tileWidth,
      scaled.height,
    );
  }
  ctx.restore();
}

/** A clip: body colour, thumbnails, name strip, border; ghosts and disabled clips dimmed. */
export function drawClip(ctx: CanvasRenderingContext2D, scene: LaneScene, drawn: DrawnClip): void {
  const box = clipBox(scene, drawn);
  if (box.x > scene.width || box.x + box.width < 0) return;
  const asset = scene.assets[drawn.clip.assetId];
  const regions = clipRegions(box, drawn.trackKind, assetHasAudio(asset));
  const still = asset?.kind === 'image';
  ctx.globalAlpha = drawn.ghost ? 0.3 : 1;
  ctx.fillStyle =
    drawn.trackKind === 'audio' ? palette.audioClip : still ? palette.stillClip : palette.videoClip;
  ctx.fillRect(box.x, box.y, box.width, box.height);
  if (box.width < 3) {
    ctx.globalAlpha = 1;
    return;
  }
  const strip = scene.filmstrip(drawn.clip.assetId);
  if (regions.picture && strip && !drawn.ghost && box.width >= 16)
    drawFilmstrip(ctx, scene, drawn, regions.picture, strip);
  if (regions.sound && drawn.trackKind === 'video') {
    ctx.fillStyle = 'rgba(12, 30, 24, 0.85)';
    ctx.fillRect(regions.sound.x, regions.sound.y, regions.sound.width, regions.sound.height);
  }
  ctx.fillStyle =
    drawn.trackKind === 'audio' ? palette.audioClipTop : still ? palette.stillClip : palette.videoClipTop;
  ctx.fillRect(box.x, box.y, box.width, regions.header.height);
  if (box.width > 24) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x + 4, box.y, box.width - 8, regions.header.height);
    ctx.clip();
    ctx.fillStyle = palette.clipText;
    ctx.font = '600 10.5px Inter, "Segoe UI", system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const label = drawn.clip.name || asset?.name || 'Clip';
    ctx.fillText(label, Math.max(box.x + 5, 5), box.y + regions.header.height / 2 + 0.5);
    if (drawn.slipFrames !== 0) {
      ctx.fillStyle = palette.selected;
      ctx.fillText(
        `${drawn.slipFrames > 0 ? '+' : ''}${drawn.slipFrames}f`,
        box.x + box.width - 44,
        box.y + regions.header.height / 2 + 0.5,
      );
    }
    ctx.restore();
  }
  if (!drawn.clip.enabled) {
    ctx.fillStyle = palette.disabled;
    ctx.fillRect(box.x, box.y, box.width, box.height);
  }
  ctx.strokeStyle = palette.clipBorder;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  ctx.globalAlpha = 1;
}
