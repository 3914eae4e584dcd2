/**
 * Drag and drop between panels. The bin puts one entry on the dataTransfer when an asset is dragged:
 *
 *   type  'application/x-shotloom-asset'
 *   data  JSON {@link AssetDragPayload}: { assetId, shotId, takeId, kind, durationSeconds }
 *
 * The timeline (issue #9) reads it in its dragover/drop handlers. During dragover browsers hide the
 * data (only the types are visible), so check `event.dataTransfer.types.includes(assetDragType)` there
 * and parse in drop with {@link readAssetDrag}. A clip dropped from a take should be created with
 * `shotId` set, so it follows the shot's selected take.
 *
 * Keyframe and reference slots in the shot inspector accept the same type for images (and for video,
 * where they grab a frame).
 */
export const assetDragType = 'application/x-shotloom-asset';

export interface AssetDragPayload {
  assetId: string;
  /** The shot this asset is a take of, when it is a take; null for plain media. */
  shotId: string | null;
  takeId: string | null;
  kind: 'video' | 'image' | 'audio';
  /** The asset's length in seconds, for the drop preview; 0 for stills. */
  durationSeconds: number;
}

export function writeAssetDrag(dataTransfer: DataTransfer, payload: AssetDragPayload): void {
  dataTransfer.setData(assetDragType, JSON.stringify(payload));
  dataTransfer.setData('text/plain', payload.assetId);
  dataTransfer.effectAllowed = 'copy';
}

export function hasAssetDrag(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer !== null && Array.from(dataTransfer.types).includes(assetDragType);
}

export function readAssetDrag(dataTransfer: DataTransfer | null): AssetDragPayload | null {
  const raw = dataTransfer?.getData(assetDragType);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<AssetDragPayload>;
    if (typeof value.assetId !== 'string') return null;
    return {
      assetId: value.assetId,
      shotId: typeof value.shotId === 'string' ? value.shotId : null,
      takeId: typeof value.takeId === 'string' ? value.takeId : null,
      kind: value.kind === 'image' || value.kind === 'audio' ? value.kind : 'video',
      durationSeconds: typeof value.durationSeconds === 'number' ? value.durationSeconds : 0,
    };
  } catch {
    return null;
  }
}
