import { useState } from 'react';
import { findModel } from '../../../../common/catalog';
import type { Project } from '../../../../common/model';
import { IconButton } from '../../components/Button';
import { useProjectState } from '../../state';
import { useThumbnail } from '../bin/thumbnails';
import { NewReferenceForm } from './NewReferenceForm';
import type { ShotEditor } from './useShotEditor';

function ReferenceChip({
  name,
  assetId,
  attached,
  onToggle,
}: {
  name: string;
  assetId: string;
  attached: boolean;
  onToggle: () => void;
}) {
  const thumb = useThumbnail(assetId);
  return (
    <button
      type="button"
      className={attached ? 'reference-chip is-attached' : 'reference-chip'}
      aria-pressed={attached}
      aria-label={`Reference ${name}`}
      onClick={onToggle}
    >
      <span className="reference-thumb">{thumb && <img src={thumb} alt="" />}</span>
      <span className="reference-name">{name}</span>
    </button>
  );
}

/**
 * The project's named reference images (a character, a prop, a place), shared by every shot:
 * attach or detach them from this shot. The model's limit is shown beside the heading.
 */
export function ReferencesSection({ editor, document }: { editor: ShotEditor; document: Project }) {
  const { shot, update } = editor;
  const { edit } = useProjectState();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const references = Object.values(document.references);
  const model = findModel(shot.model.provider, shot.model.model);
  const max = model?.maxReferences ?? 0;

  const toggle = (id: string) => {
    const attached = shot.referenceIds.includes(id);
    void update({
      referenceIds: attached ? shot.referenceIds.filter((other) => other !== id) : [...shot.referenceIds, id],
    });
  };

  // Refused (with the shots named) while a shot uses the reference: detach it first.
  const remove = async (id: string) => {
    const result = await edit({ type: 'deleteReference', referenceId: id });
    setDeleteError(result.ok ? null : result.error.message);
  };

  return (
    <section className="inspector-section" aria-label="Reference images">
      <div className="section-heading-row">
        <h3 className="section-heading">References</h3>
        <span className="section-meta">
          {shot.referenceIds.length} / {max === 0 ? 'none taken by this model' : max}
        </span>
      </div>
      {references.length === 0 ? (
        <p className="section-note">
          {max === 0
            ? 'This model takes no reference images.'
            : `This model takes up to ${max} reference images.`}{' '}
          Named references are shared by every shot of the project.
        </p>
      ) : (
        <div className="reference-list">
          {references.map((reference) => (
            <span key={reference.id} className="reference-item">
              <ReferenceChip
                name={reference.name}
                assetId={reference.assetId}
                attached={shot.referenceIds.includes(reference.id)}
                onToggle={() => toggle(reference.id)}
              />
              <IconButton
                icon="trash"
                label={`Delete reference ${reference.name}`}
                className="reference-delete"
                onClick={() => void remove(reference.id)}
              />
            </span>
          ))}
        </div>
      )}
      {deleteError && (
        <p className="reference-error" role="alert">
          {deleteError}
        </p>
      )}
      <NewReferenceForm shot={shot} document={document} maxReferences={max} />
    </section>
  );
}
