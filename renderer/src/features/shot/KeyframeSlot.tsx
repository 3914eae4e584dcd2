import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Project } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { hasAssetDrag, readAssetDrag } from '../bin/dragTypes';
import { importFiles } from '../bin/importFiles';
import { useThumbnail } from '../bin/thumbnails';
import { ImagePickerDialog } from './ImagePickerDialog';

export type SlotName = 'first' | 'middle' | 'last';

export const slotLabels: Record<SlotName, string> = {
  first: 'first frame',
  middle: 'middle frame',
  last: 'last frame',
};

/**
 * One keyframe slot: shows its still, and takes an image dragged from the bin, a file from disk,
 * an image from the clipboard (Ctrl+V while focused, or the Paste button), or a grabbed frame.
 * A video dropped on it opens the frame grabber on that clip.
 */
export function KeyframeSlot({
  slot,
  assetId,
  document,
  disabledReason,
  onSet,
  onGrab,
}: {
  slot: SlotName;
  assetId: string | null;
  document: Project;
  disabledReason: string | null;
  onSet: (assetId: string | null) => void;
  onGrab: (fromAssetId: string | null) => void;
}) {
  const api = useApi();
  const thumb = useThumbnail(assetId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = slotLabels[slot];
  const asset = assetId ? document.assets[assetId] : undefined;

  const takeFiles = async (files: File[]) => {
    const images = files.filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) {
      setMessage('That is not an image.');
      return;
    }
    setMessage('Importing…');
    const outcome = await importFiles(api, images.slice(0, 1));
    if (!outcome.ok) return setMessage(outcome.message);
    const first = outcome.result.imported[0];
    if (!first) return setMessage(outcome.result.failed[0]?.error.message ?? 'Nothing was imported.');
    setMessage(null);
    onSet(first.assetId);
  };

  const onDrop = (event: DragEvent) => {
    setOver(false);
    event.preventDefault();
    const dragged = readAssetDrag(event.dataTransfer);
    if (dragged) {
      if (dragged.kind === 'image') onSet(dragged.assetId);
      else if (dragged.kind === 'video') onGrab(dragged.assetId);
      else setMessage('Audio cannot be a keyframe.');
      return;
    }
    if (event.dataTransfer.files.length > 0) void takeFiles(Array.from(event.dataTransfer.files));
  };

  const pasteFromClipboard = async () => {
    try {
      const items = await navigator.clipboard.read();
      for (const item of items) {
        const type = item.types.find((candidate) => candidate.startsWith('image/'));
        if (type) {
          const blob = await item.getType(type);
          await takeFiles([new File([blob], `pasted-${slot}.${type.split('/')[1] ?? 'png'}`, { type })]);
          return;
        }
      }
      setMessage('There is no image on the clipboard.');
    } catch {
      setMessage('The clipboard could not be read: focus the slot and press Ctrl+V.');
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    void takeFiles(files);
  };

  return (
    <div
      className={`keyframe-slot${over ? ' is-over' : ''}${disabledReason ? ' is-disabled' : ''}`}
      data-testid={`keyframe-${slot}`}
    >
      <div
        className="keyframe-well"
        tabIndex={0}
        role="group"
        aria-label={`${label}${asset ? `: ${asset.name}` : ': empty'}. Drop or paste an image.`}
        title={disabledReason ?? undefined}
        onDragOver={(event) => {
          if (hasAssetDrag(event.dataTransfer) || Array.from(event.dataTransfer.types).includes('Files')) {
            event.preventDefault();
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        {thumb ? (
          <>
            <img src={thumb} alt="" data-testid={`keyframe-${slot}-image`} data-asset-id={assetId ?? ''} />
            <span className="keyframe-tag">
              {slot === 'first' ? 'First' : slot === 'last' ? 'Last' : 'Middle'}
            </span>
          </>
        ) : (
          <span className="keyframe-empty">
            <Icon name="image" size={18} />
            {slot === 'first' ? 'First' : slot === 'last' ? 'Last' : 'Middle'}
          </span>
        )}
      </div>
      <div className="keyframe-caption">{label.replace(' frame', '')}</div>
      <div className="keyframe-actions">
        <IconButton
          icon="frame"
          label={`Grab a frame from a clip for the ${label}`}
          onClick={() => onGrab(null)}
          data-testid={`keyframe-${slot}-grab`}
        />
        <IconButton
          icon="image"
          label={`Choose an image from the bin for the ${label}`}
          onClick={() => setPicking(true)}
          data-testid={`keyframe-${slot}-choose`}
        />
        <IconButton
          icon="import"
          label={`Image from disk for the ${label}`}
          onClick={() => fileRef.current?.click()}
        />
        <IconButton
          icon="clipboard"
          label={`Paste an image as the ${label}`}
          onClick={() => void pasteFromClipboard()}
        />
        {assetId && <IconButton icon="close" label={`Clear the ${label}`} onClick={() => onSet(null)} />}
      </div>
      {picking && (
        <ImagePickerDialog
          document={document}
          title={`Choose the ${label}`}
          onClose={() => setPicking(false)}
          onPick={(id) => {
            setPicking(false);
            onSet(id);
          }}
        />
      )}
      {message && (
        <div className="keyframe-message" role="status">
          {message}
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        accept="image/*"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={`keyframe-${slot}-file`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void takeFiles(files);
        }}
      />
    </div>
  );
}
