import { useEffect, useState } from 'react';
import type { ShotloomApi } from '../../../../common/contract';
import type { Filmstrip } from '../../../../common/contract/channels/media';
import { useApi } from '../../api/ApiContext';

/**
 * Poster frames and filmstrips of assets: view resources cached per editor (per API instance),
 * keyed by asset id, loaded once and shared by every card that shows the asset.
 */
interface ThumbCache {
  posters: Map<string, Promise<string | null>>;
  filmstrips: Map<string, Promise<FilmstripSprite | null>>;
  /** Values already loaded, readable during render (a card scrolled back shows at once). */
  settled: Map<string, unknown>;
}

const caches = new WeakMap<ShotloomApi, ThumbCache>();

function cacheFor(api: ShotloomApi): ThumbCache {
  let cache = caches.get(api);
  if (!cache) {
    cache = { posters: new Map(), filmstrips: new Map(), settled: new Map() };
    caches.set(api, cache);
  }
  return cache;
}

/** A filmstrip sprite: `frames` cells side by side, each `frameWidth` × `height` pixels. */
export interface FilmstripSprite {
  url: string;
  frames: number;
  frameWidth: number;
  height: number;
  sourceFrames: number[];
}

async function loadPoster(api: ShotloomApi, assetId: string): Promise<string | null> {
  const result = await api.invoke('media:thumbnail', { assetId });
  return result.ok ? `${api.host.mediaUrl(assetId)}/${result.value.variant}` : null;
}

async function loadFilmstrip(api: ShotloomApi, assetId: string): Promise<FilmstripSprite | null> {
  const result = await api.invoke('media:filmstrip', { assetId, frames: 12, frameHeight: 90 });
  if (!result.ok) return null;
  const strip: Filmstrip = result.value;
  return {
    url: `${api.host.mediaUrl(assetId)}/${strip.variant}`,
    frames: strip.frames,
    frameWidth: strip.frameWidth,
    height: strip.height,
    sourceFrames: strip.sourceFrames,
  };
}

function useCached<T>(
  key: string | null,
  kind: 'poster' | 'filmstrip',
  pick: (cache: ThumbCache) => Map<string, Promise<T | null>>,
  load: (api: ShotloomApi, key: string) => Promise<T | null>,
  delayMs: number,
): T | null {
  const api = useApi();
  const cache = cacheFor(api);
  const settledKey = key === null ? null : `${kind}:${key}`;
  const known = settledKey !== null && cache.settled.has(settledKey);
  const [value, setValue] = useState<{ key: string; value: T | null } | null>(null);
  useEffect(() => {
    if (key === null || settledKey === null || known) return;
    let live = true;
    // Cards that fly past while scrolling start no work: loading begins once one has stayed.
    const timer = setTimeout(() => {
      const map = pick(cache);
      let promise = map.get(key);
      if (!promise) {
        promise = load(api, key).catch(() => null);
        map.set(key, promise);
      }
      void promise.then((loaded) => {
        cache.settled.set(settledKey, loaded);
        if (live) setValue({ key, value: loaded });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, cache, key, settledKey, known, pick, load, delayMs]);
  if (key === null || settledKey === null) return null;
  if (known) return cache.settled.get(settledKey) as T | null;
  return value?.key === key ? value.value : null;
}

const pickPosters = (cache: ThumbCache) => cache.posters;
const pickFilmstrips = (cache: ThumbCache) => cache.filmstrips;

/**
 * A URL of the asset's poster frame, or null while loading / when there is none. `delayMs` holds
 * the request back until the component has stayed that long (bin cards while scrolling).
 */
export function useThumbnail(assetId: string | null, delayMs = 0): string | null {
  return useCached(assetId, 'poster', pickPosters, loadPoster, delayMs);
}

/** A sprite of evenly spaced frames across the asset, for hover-scrubbing; null until loaded. */
export function useFilmstrip(assetId: string | null): FilmstripSprite | null {
  return useCached(assetId, 'filmstrip', pickFilmstrips, loadFilmstrip, 0);
}
