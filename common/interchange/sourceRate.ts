import { sourceUnitsOf } from '../model/operations/sourceUnits';
import type { Asset } from '../model/schema/asset';
import type { Rational } from '../time/rational';

/** The units a clip's sourceIn counts in (the model's source units), or the sequence's frames for stills. */
export function sourceRateOf(asset: Asset, sequenceRate: Rational): Rational {
  return sourceUnitsOf(asset)?.rate ?? sequenceRate;
}

/** How long the asset's media is, in its source units; null for stills (unlimited). */
export function sourceLengthOf(asset: Asset): number | null {
  return sourceUnitsOf(asset)?.length ?? null;
}
