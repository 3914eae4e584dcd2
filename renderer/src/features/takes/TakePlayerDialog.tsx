import type { Take } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { Dialog } from '../../components/Dialog';

/** Plays one take in a dialog with the browser's own (keyboard-accessible) video controls. */
export function TakePlayerDialog({
  take,
  title,
  onClose,
}: {
  take: Take;
  title: string;
  onClose: () => void;
}) {
  const api = useApi();
  return (
    <Dialog title={title} open onClose={onClose} size="large" testId="take-player">
      {take.outputAssetId ? (
        <video
          className="take-player-video"
          src={api.host.mediaUrl(take.outputAssetId)}
          controls
          autoPlay
          loop
          aria-label={title}
        />
      ) : (
        <p className="empty-state">This take has no video.</p>
      )}
    </Dialog>
  );
}
