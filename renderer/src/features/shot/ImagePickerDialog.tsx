import type { Project } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { useThumbnail } from '../bin/thumbnails';

function ImageChoice({ assetId, name, onPick }: { assetId: string; name: string; onPick: () => void }) {
  const thumb = useThumbnail(assetId);
  return (
    <button
      type="button"
      className="image-choice"
      onClick={onPick}
      aria-label={`Use ${name}`}
      data-testid="image-choice"
    >
      <span className="image-choice-thumb">{thumb && <img src={thumb} alt="" />}</span>
      <span className="image-choice-name">{name}</span>
    </button>
  );
}

/** The project's still images, to choose one for a keyframe without dragging (keyboard users). */
export function ImagePickerDialog({
  document,
  title,
  onPick,
  onClose,
}: {
  document: Project;
  title: string;
  onPick: (assetId: string) => void;
  onClose: () => void;
}) {
  const images = Object.values(document.assets).filter((asset) => asset.kind === 'image');
  return (
    <Dialog title={title} open onClose={onClose} size="large" testId="image-picker">
      {images.length === 0 ? (
        <p className="empty-state">The bin has no images yet: import one, or grab a frame from a clip.</p>
      ) : (
        <div className="image-choices">
          {images.map((asset) => (
            <ImageChoice
              key={asset.id}
              assetId={asset.id}
              name={asset.name}
              onPick={() => onPick(asset.id)}
            />
          ))}
        </div>
      )}
    </Dialog>
  );
}
