import { useId, useState, type FormEvent } from 'react';
import { newId, type Project, type Shot } from '../../../../common/model';
import { Button } from '../../components/Button';
import { useProjectState } from '../../state';

/**
 * Names a still of the bin as a project reference (a character, a prop, a place). When the shot's
 * model has room for another reference it is attached to this shot in the same undo step.
 */
export function NewReferenceForm({
  shot,
  document,
  maxReferences,
}: {
  shot: Shot;
  document: Project;
  maxReferences: number;
}) {
  const { editBatch } = useProjectState();
  const nameId = useId();
  const imageId = useId();
  const images = Object.values(document.assets)
    .filter((asset) => asset.kind === 'image')
    .sort((a, b) => a.name.localeCompare(b.name));
  const [name, setName] = useState('');
  const [assetId, setAssetId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = images.some((asset) => asset.id === assetId) ? assetId : (images[0]?.id ?? '');

  if (images.length === 0) {
    return <p className="section-note">Import a still or grab a frame to name it as a reference.</p>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = newId('ref');
    const attach = shot.referenceIds.length < maxReferences;
    const result = await editBatch(
      [
        { type: 'createReference', id, name, assetId: chosen },
        ...(attach
          ? [
              {
                type: 'updateShot' as const,
                shotId: shot.id,
                fields: { referenceIds: [...shot.referenceIds, id] },
              },
            ]
          : []),
      ],
      { label: 'New reference' },
    );
    setError(result.ok ? null : result.error.message);
    if (result.ok) setName('');
  };

  return (
    <form className="reference-form" onSubmit={(event) => void submit(event)} aria-label="New reference">
      <label className="visually-hidden" htmlFor={imageId}>
        Reference image
      </label>
      <select
        id={imageId}
        className="input select"
        value={chosen}
        onChange={(event) => setAssetId(event.target.value)}
        data-testid="reference-image"
      >
        {images.map((asset) => (
          <option key={asset.id} value={asset.id}>
            {asset.name}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={nameId}>
        Reference name
      </label>
      <input
        id={nameId}
        className="input"
        placeholder="Name: Mara, the red car…"
        value={name}
        onChange={(event) => setName(event.target.value)}
        data-testid="reference-name"
      />
      <Button type="submit" icon="plus" disabled={name.trim() === ''}>
        Add reference
      </Button>
      {error && (
        <p className="reference-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
