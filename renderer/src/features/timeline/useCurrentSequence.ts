import { useMemo } from 'react';
import type { Project, Sequence } from '../../../../common/model';
import { useProjectState, useUiState } from '../../state';
import { layoutSequence, type SequenceLayout } from './geometry/trackLayout';

export interface CurrentSequence {
  document: Project;
  sequence: Sequence;
  layout: SequenceLayout;
  fps: number;
}

/** The sequence the timeline and the program viewer show, laid out once per document revision. */
export function useCurrentSequence(): CurrentSequence | null {
  const { snapshot } = useProjectState();
  const [sequenceId] = useUiState((state) => state.sequenceId);
  const document = snapshot?.document ?? null;
  const sequence = document
    ? (document.sequences[sequenceId ?? ''] ?? document.sequences[document.sequenceOrder[0] ?? ''] ?? null)
    : null;
  const layout = useMemo(() => (sequence ? layoutSequence(sequence) : null), [sequence]);
  if (!document || !sequence || !layout) return null;
  return { document, sequence, layout, fps: sequence.rate.num / sequence.rate.den };
}
