import { useCallback, useState } from 'react';
import type { ShotFields } from '../../../../common/model/commands/editCommand';
import type { Shot } from '../../../../common/model';
import { useProjectState } from '../../state';

export interface ShotEditor {
  shot: Shot;
  /** Applies fields as one undo step; a coalesce key merges a burst (typing) into one step. */
  update: (fields: ShotFields, coalesceKey?: string) => Promise<string | null>;
  /** The last refusal or failure, in words, until the next successful edit. */
  error: string | null;
}

/** Editing one shot through project:edit; answers the error message of a refused edit. */
export function useShotEditor(shot: Shot): ShotEditor {
  const { edit } = useProjectState();
  const [error, setError] = useState<string | null>(null);
  const update = useCallback(
    async (fields: ShotFields, coalesceKey?: string) => {
      const result = await edit({ type: 'updateShot', shotId: shot.id, fields }, coalesceKey);
      const message = result.ok ? null : result.error.message;
      setError(message);
      return message;
    },
    [edit, shot.id],
  );
  return { shot, update, error };
}

/**
 * A text field of the shot edited locally while focused (so typing never waits for the core), sent
 * on every change with a coalesce key (one undo step per burst), and following the document again
 * on blur.
 */
export function useShotText(
  editor: ShotEditor,
  field: 'name' | 'prompt' | 'negativePrompt',
): { value: string; onChange: (text: string) => void; onBlur: () => void; set: (text: string) => void } {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? editor.shot[field];
  const { update } = editor;
  const shotId = editor.shot.id;
  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      void update({ [field]: text }, `shot:${shotId}:${field}`);
    },
    [update, field, shotId],
  );
  const set = useCallback(
    (text: string) => {
      setDraft(text);
      void update({ [field]: text }).then(() => setDraft(null));
    },
    [update, field],
  );
  return { value, onChange, onBlur: () => setDraft(null), set };
}
