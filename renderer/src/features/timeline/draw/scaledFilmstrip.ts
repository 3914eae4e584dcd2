import type { LoadedFilmstrip } from './scene';

export interface ScaledFilmstrip {
  canvas: HTMLCanvasElement;
  tileWidth: number;
  height: number;
}

const cache = new WeakMap<LoadedFilmstrip, Map<number, ScaledFilmstrip>>();

/**
 * The filmstrip sprite scaled once to a lane's picture height, so drawing a tile is a plain copy
 * (no resampling per frame while scrolling). Kept per strip and height; tiny heights are skipped.
 */
export function scaledFilmstrip(loaded: LoadedFilmstrip, height: number): ScaledFilmstrip | null {
  const rounded = Math.round(height);
  if (rounded < 8 || !loaded.image.complete || loaded.image.naturalWidth === 0) return null;
  let byHeight = cache.get(loaded);
  if (!byHeight) {
    byHeight = new Map();
    cache.set(loaded, byHeight);
  }
  const existing = byHeight.get(rounded);
  if (existing) return existing;
  const { strip, image } = loaded;
  const tileWidth = Math.max(8, Math.round((strip.frameWidth / strip.height) * rounded));
  const canvas = document.createElement('canvas');
  canvas.width = tileWidth * strip.frames;
  canvas.height = rounded;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.imageSmoothingQuality = 'high';
  for (let cell = 0; cell < strip.frames; cell += 1) {
    context.drawImage(
      image,
      cell * strip.frameWidth,
      0,
      strip.frameWidth,
      strip.height,
      cell * tileWidth,
      0,
      tileWidth,
      rounded,
    );
  }
  const scaled = { canvas, tileWidth, height: rounded };
  byHeight.set(rounded, scaled);
  return scaled;
}
