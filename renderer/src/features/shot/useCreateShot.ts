import { useCallback } from 'react';
import { defaultModelRef } from '../../../../common/catalog';
import { newId, type Shot } from '../../../../common/model';
import { useProjectState, useUiState } from '../../state';

/** Makes a new shot after `afterShotId` (or at the end) and selects it. */
export function useCreateShot(): (
  fields?: Partial<Shot>,
  afterShotId?: string | null,
) => Promise<string | null> {
  const { snapshot, edit } = useProjectState();
  const [, setUi] = useUiState((state) => state.selectedShotId);
  const document = snapshot?.document ?? null;
  return useCallback(
    async (fields: Partial<Shot> = {}, afterShotId: string | null = null) => {
      if (!document) return null;
      const id = newId('shot');
      const index = afterShotId ? document.shotOrder.indexOf(afterShotId) + 1 : document.shotOrder.length;
      const result = await edit({
        type: 'createShot',
        id,
        index,
        fields: {
          name: fields.name ?? `Shot ${document.shotOrder.length + 1}`,
          prompt: fields.prompt ?? '',
          durationSeconds: fields.durationSeconds ?? 4,
          ratio: fields.ratio ?? '16:9',
          model: fields.model ?? defaultModelRef,
          ...(fields.keyframes ? { keyframes: fields.keyframes } : {}),
          ...(fields.cameraDirection ? { cameraDirection: fields.cameraDirection } : {}),
          ...(fields.negativePrompt ? { negativePrompt: fields.negativePrompt } : {}),
          ...(fields.referenceIds ? { referenceIds: fields.referenceIds } : {}),
        },
      });
      if (!result.ok) return null;
      setUi({ selectedShotId: id });
      return id;
    },
    [document, edit, setUi],
  );
}
