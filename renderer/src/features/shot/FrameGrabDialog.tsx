import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { Button, IconButton } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formatDuration } from '../../components/format';
import { playbackUrl } from '../viewer/playback/playbackUrl';

/** Seconds at the middle of a frame, so a seek lands on that frame and not on the one before. */
export function frameToSeconds(frame: number, rate: { num: number; den: number }): number {
  return ((frame + 0.5) * rate.den) / rate.num;
}

/**
 * Picks an exact frame of any video clip of the project with a frame-accurate scrubber (a slider
 * in whole frames, ←/→ one frame, Shift+←/→ ten) and turns it into a still (media:grabFrame).
 */
export function FrameGrabDialog({
  open,
  document,
  initialAssetId,
  slotLabel,
  onClose,
  onGrabbed,
}: {
  open: boolean;
  document: Project;
  initialAssetId: string | null;
  slotLabel: string;
  onClose: () => void;
  onGrabbed: (stillAssetId: string) => void;
}) {
  const api = useApi();
  const clips = useMemo(
    () =>
      Object.values(document.assets).filter(
        (asset) => asset.kind === 'video' && asset.media.video !== null && asset.media.video.frameCount > 0,
      ),
    [document.assets],
  );
  const [assetId, setAssetId] = useState<string | null>(initialAssetId ?? clips[0]?.id ?? null);
  const [frame, setFrame] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const asset = assetId ? document.assets[assetId] : undefined;
  const video = asset?.media.video ?? null;
  const lastFrame = Math.max(0, (video?.frameCount ?? 1) - 1);
  const rateNum = video?.rate.num ?? 24;
  const rateDen = video?.rate.den ?? 1;
  const rate = useMemo(() => ({ num: rateNum, den: rateDen }), [rateNum, rateDen]);

  useEffect(() => {
    const element = videoRef.current;
    if (!element || !video) return;
    const seek = () => {
      element.currentTime = frameToSeconds(frame, rate);
    };
    if (element.readyState >= 1) seek();
    else element.addEventListener('loadedmetadata', seek, { once: true });
    return () => element.removeEventListener('loadedmetadata', seek);
  }, [frame, rate, video]);

  const step = (delta: number) => setFrame((current) => Math.max(0, Math.min(lastFrame, current + delta)));

  const grab = async () => {
    if (!assetId) return;
    setBusy(true);
    setError(null);
    const result = await api.invoke('media:grabFrame', { assetId, frame });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onGrabbed(result.value.id);
  };

  return (
    <Dialog
      title={`Grab a frame for the ${slotLabel}`}
      open={open}
      onClose={onClose}
      size="large"
      testId="frame-grab-dialog"
      footer={
        <>
          {error && <span className="error-text dialog-error">{error}</span>}
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            icon="frame"
            disabled={!asset || busy}
            onClick={() => void grab()}
            data-testid="grab-use"
          >
            {busy ? 'Grabbing…' : `Use frame ${frame}`}
          </Button>
        </>
      }
    >
      {clips.length === 0 ? (
        <p className="empty-state">Import or generate a video clip first.</p>
      ) : (
        <div className="frame-grab">
          <div className="field">
            <label className="field-label" htmlFor="grab-source">
              Clip
            </label>
            <select
              id="grab-source"
              className="input select"
              value={assetId ?? ''}
              onChange={(event) => {
                setAssetId(event.target.value);
                setFrame(0);
              }}
            >
              {clips.map((clip) => (
                <option key={clip.id} value={clip.id}>
                  {clip.name}
                </option>
              ))}
            </select>
          </div>
          <div className="frame-grab-viewer">
            {assetId && (
              <video
                key={assetId}
                ref={videoRef}
                src={playbackUrl(api.host, asset, assetId)}
                muted
                playsInline
                preload="auto"
                aria-label={`Frame ${frame} of ${asset?.name ?? 'the clip'}`}
              />
            )}
          </div>
          <div className="frame-scrubber">
            <IconButton
              icon="chevronRight"
              className="flip"
              label="Previous frame"
              onClick={() => step(-1)}
            />
            <input
              type="range"
              className="scrubber-range"
              min={0}
              max={lastFrame}
              step={1}
              value={frame}
              aria-label="Frame"
              aria-valuetext={`Frame ${frame} of ${lastFrame}, ${formatDuration(frameToSeconds(frame, rate))}`}
              data-testid="grab-scrubber"
              onChange={(event) => setFrame(Number(event.target.value))}
              onKeyDown={(event) => {
                if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
                  event.preventDefault();
                  step(event.key === 'ArrowLeft' ? -10 : 10);
                }
              }}
            />
            <IconButton icon="chevronRight" label="Next frame" onClick={() => step(1)} />
            <span className="frame-readout" aria-live="polite">
              {frame} / {lastFrame}
            </span>
          </div>
          <div className="frame-grab-quick">
            <Button onClick={() => setFrame(0)}>First frame</Button>
            <Button onClick={() => setFrame(lastFrame)}>Last frame</Button>
            <span className="field-hint">← → one frame · Shift+← → ten frames</span>
          </div>
        </div>
      )}
    </Dialog>
  );
}
