import { useId, useState, type KeyboardEvent } from 'react';
import type { Asset } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { Button, IconButton } from '../../components/Button';
import { parseTagsText, type AssetPropertiesEditor } from './useAssetProperties';

/** A text field edited locally and sent on Enter or when it loses focus (one undo step). */
function CommitField({
  label,
  value,
  onCommit,
  listId,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onCommit: (text: string) => Promise<unknown>;
  listId?: string;
  placeholder?: string;
  testId: string;
}) {
  const id = useId();
  // null shows the document's value; a draft is kept only while it is being typed and sent.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (draft === value) return setDraft(null);
    void onCommit(draft).then(() => setDraft(null));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(null);
    }
  };
  return (
    <div className="asset-details-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={draft ?? value}
        placeholder={placeholder}
        list={listId}
        data-testid={testId}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

/**
 * The active bin item's media: favourite, name, tags and bin folder, each field sent on Enter or
 * blur as one undo step; "Show in folder" in the desktop app. Reached with Tab from the bin.
 */
export function AssetDetails({
  asset,
  folders,
  editor,
}: {
  asset: Asset;
  folders: readonly string[];
  editor: AssetPropertiesEditor;
}) {
  const api = useApi();
  const listId = useId();
  const [revealError, setRevealError] = useState<string | null>(null);
  const reveal = async () => {
    const result = await api.invoke('app:revealAsset', { assetId: asset.id });
    setRevealError(result.ok ? null : result.error.message);
  };
  const error = editor.error ?? revealError;
  return (
    <section className="asset-details" aria-label={`Details of ${asset.name}`} data-testid="asset-details">
      <div className="asset-details-row">
        <IconButton
          icon="star"
          label={asset.favourite ? `Unmark ${asset.name} as favourite` : `Mark ${asset.name} as favourite`}
          pressed={asset.favourite}
          filled={asset.favourite}
          className={asset.favourite ? 'fav-star' : undefined}
          data-testid="asset-favourite"
          onClick={() => void editor.set(asset.id, { favourite: !asset.favourite })}
        />
        <CommitField
          label="Name"
          value={asset.name}
          testId="asset-name"
          onCommit={(name) => editor.set(asset.id, { name })}
        />
        {api.host.kind === 'electron' && (
          <Button icon="external" onClick={() => void reveal()} title="Show the file in the file manager">
            Reveal
          </Button>
        )}
      </div>
      <div className="asset-details-row">
        <CommitField
          label="Tags"
          value={asset.tags.join(', ')}
          placeholder="hero, night"
          testId="asset-tags"
          onCommit={(text) => editor.set(asset.id, { tags: parseTagsText(text) })}
        />
        <CommitField
          label="Folder"
          value={asset.folder ?? ''}
          placeholder="Top level"
          listId={listId}
          testId="asset-folder"
          onCommit={(folder) => editor.set(asset.id, { folder })}
        />
        <datalist id={listId}>
          {folders.map((folder) => (
            <option key={folder} value={folder} />
          ))}
        </datalist>
      </div>
      {error && (
        <p className="asset-details-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
