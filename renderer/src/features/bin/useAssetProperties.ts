import { useCallback, useState } from 'react';
import type { AssetPropertyChanges } from '../../../../common/model/operations/assetProperties';
import { useProjectState } from '../../state';

export interface AssetPropertiesEditor {
  /** Sends the changes as one undo step; answers the refusal's message, or null. */
  set: (assetId: string, changes: AssetPropertyChanges) => Promise<string | null>;
  error: string | null;
}

/** Favourite, tags, folder and name of bin media through project:edit (setAssetProperties). */
export function useAssetProperties(): AssetPropertiesEditor {
  const { edit } = useProjectState();
  const [error, setError] = useState<string | null>(null);
  const set = useCallback(
    async (assetId: string, changes: AssetPropertyChanges) => {
      const { tags, ...rest } = changes;
      const result = await edit({
        type: 'setAssetProperties',
        assetId,
        ...rest,
        ...(tags ? { tags: [...tags] } : {}),
      });
      const message = result.ok ? null : result.error.message;
      setError(message);
      return message;
    },
    [edit],
  );
  return { set, error };
}

/** "hero, night , " → ["hero", "night"]: how the tags field is read. */
export function parseTagsText(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
