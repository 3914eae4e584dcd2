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
}

const caches = new WeakMap<ShotloomApi, ThumbCache>();

function cacheFor(api: ShotloomApi): ThumbCache {
  let cache = caches.get(api);
  if (!cache) {
    cache = { posters: new Map(), filmstrips: new Map() };
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
  pick: (cache: ThumbCache) => Map<string, Promise<T | null>>,
  load: (api: ShotloomApi, key: string) => Promise<T | null>,
): T | null {
  const api = useApi();
  const [value, setValue] = useState<{ key: string; value: T | null } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const map = pick(cacheFor(api));
    let promise = map.get(key);
    if (!promise) {
      promise = load(api, key).catch(() => null);
      map.set(key, promise);
    }
    let live = true;
    void promise.then((loaded) => {
      if (live) setValue({ key, value: loaded });
    });
    return () => {
      live = false;
    };
  }, [api, key, pick, load]);
  return key !== null && value?.key === key ? value.value : null;
}

const pickPosters = (cache: ThumbCache) => cache.posters;
const pickFilmstrips = (cache: ThumbCache) => cache.filmstrips;

/** A URL of the asset's poster frame, or null while loading / when there is none. */
export function useThumbnail(assetId: string | null): string | null {
  return useCached(assetId, pickPosters, loadPoster);
}

/** A sprite of evenly spaced frames across the asset, for hover-scrubbing; null until loaded. */
export function useFilmstrip(assetId: string | null): FilmstripSprite | null {
  return useCached(assetId, pickFilmstrips, loadFilmstrip);
}
