import type { ShotloomApi } from '../../../../../common/contract';
import type { Asset } from '../../../../../common/model';

/**
 * Where the viewers play an asset from. A video goes through its `/proxy` variant: the H.264 proxy
 * the media service makes of sources a browser cannot play smoothly (ProRes, 10-bit, above 1080p),
 * or the original while there is none. Stills and sound are served as they are. Export always reads
 * the originals.
 */
export function playbackUrl(host: ShotloomApi['host'], asset: Asset | undefined, assetId: string): string {
  const url = host.mediaUrl(assetId);
  return asset?.kind === 'video' ? `${url}/proxy` : url;
}
