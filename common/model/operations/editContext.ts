import type { Rational } from '../../time/rational';
import { newId } from '../ids';
import type { Project } from '../schema/project';
import type { Clip, Sequence } from '../schema/sequence';
import { refuse } from './editResult';
import { framesToSource, sourceUnitsOf, type SourceUnits } from './sourceUnits';

/** What timeline operations need besides the items: the rate and each clip's source units. */
export interface EditContext {
  document: Project;
  sequence: Sequence;
  rate: Rational;
  unitsOf(clip: Pick<Clip, 'assetId'>): SourceUnits | null;
  /** Sequence frames to the clip's source units. */
  toSource(clip: Pick<Clip, 'assetId'>, frames: number): number;
  newItemId(): string;
}

export function editContext(document: Project, sequence: Sequence): EditContext {
  const unitsOf = (clip: Pick<Clip, 'assetId'>) => {
    const asset = document.assets[clip.assetId] ?? refuse(`There is no asset ${clip.assetId}.`);
    return sourceUnitsOf(asset);
  };
  return {
    document,
    sequence,
    rate: sequence.rate,
    unitsOf,
    toSource: (clip, frames) => framesToSource(frames, sequence.rate, unitsOf(clip)),
    newItemId: () => newId('itm'),
  };
}
