import { useCallback } from 'react';
import { defaultModelRef } from '../../../../common/catalog';
import type { EditCommandInput } from '../../../../common/contract';
import { newId, type Shot } from '../../../../common/model';
import { useProjectState, useUiState } from '../../state';

/**
 * Makes a new shot after `afterShotId` (or at the end) and selects it. Commands in `options.before`
 * go in the same undo step (one project:editBatch, all or nothing).
 */
export function useCreateShot(): (
  fields?: Partial<Shot>,
  afterShotId?: string | null,
  options?: { before?: EditCommandInput[]; label?: string },
) => Promise<string | null> {
  const { snapshot, edit, editBatch } = useProjectState();
  const [, setUi] = useUiState((state) => state.selectedShotId);
  const document = snapshot?.document ?? null;
  return useCallback(
    async (
      fields: Partial<Shot> = {},
      afterShotId: string | null = null,
      options: { before?: EditCommandInput[]; label?: string } = {},
    ) => {
      if (!document) return null;
      const id = newId('shot');
      const index = afterShotId ? document.shotOrder.indexOf(afterShotId) + 1 : document.shotOrder.length;
      const create: EditCommandInput = {
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
      };
      const before = options.before ?? [];
      const result =
        before.length > 0
          ? await editBatch([...before, create], options.label ? { label: options.label } : {})
          : await edit(create);
      if (!result.ok) return null;
      setUi({ selectedShotId: id });
      return id;
    },
    [document, edit, editBatch, setUi],
  );
}
