import { useEffect, useRef, useState } from 'react';
import type { Project, Take } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formatDuration } from '../../components/format';
import { diffTakes } from './recipeDiff';

/**
 * Two takes side by side with synchronised playback (one transport drives both; the right one is
 * pulled back to the left one's time when it drifts) and a diff of their parameters.
 */
export function CompareTakesDialog({
  document,
  left,
  right,
  leftLabel,
  rightLabel,
  selectedTakeId,
  onChoose,
  onClose,
}: {
  document: Project;
  left: Take;
  right: Take;
  leftLabel: string;
  rightLabel: string;
  selectedTakeId: string | null;
  onChoose: (take: Take) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const leftRef = useRef<HTMLVideoElement>(null);
  const rightRef = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const rows = diffTakes(document, left, right);

  useEffect(() => {
    const a = leftRef.current;
    const b = rightRef.current;
    if (!a || !b) return;
    const follow = () => {
      setTime(a.currentTime);
      if (Math.abs(b.currentTime - a.currentTime) > 0.05) b.currentTime = a.currentTime;
    };
    const meta = () => setDuration(Math.max(a.duration || 0, b.duration || 0));
    a.addEventListener('timeupdate', follow);
    a.addEventListener('loadedmetadata', meta);
    b.addEventListener('loadedmetadata', meta);
    const ended = () => setPlaying(false);
    a.addEventListener('ended', ended);
    return () => {
      a.removeEventListener('timeupdate', follow);
      a.removeEventListener('loadedmetadata', meta);
      b.removeEventListener('loadedmetadata', meta);
      a.removeEventListener('ended', ended);
    };
  }, []);

  const toggle = () => {
    const videos = [leftRef.current, rightRef.current].filter((video) => video !== null);
    if (playing) {
      videos.forEach((video) => video.pause());
      setPlaying(false);
    } else {
      const start = leftRef.current?.currentTime ?? 0;
      videos.forEach((video) => {
        video.currentTime = start;
        void video.play().catch(() => undefined);
      });
      setPlaying(true);
    }
  };

  const seek = (seconds: number) => {
    for (const video of [leftRef.current, rightRef.current]) if (video) video.currentTime = seconds;
    setTime(seconds);
  };

  const side = (take: Take, label: string, ref: React.RefObject<HTMLVideoElement | null>) => (
    <figure className="compare-side" data-testid="compare-side">
      <figcaption>
        <span className="compare-label">{label}</span>
        {take.id === selectedTakeId ? (
          <span className="compare-in-use">In use</span>
        ) : (
          <Button variant="primary" onClick={() => onChoose(take)} data-testid="compare-choose">
            Use {label}
          </Button>
        )}
      </figcaption>
      {take.outputAssetId ? (
        <video
          ref={ref}
          src={api.host.mediaUrl(take.outputAssetId)}
          muted
          playsInline
          preload="auto"
          aria-label={label}
        />
      ) : (
        <div className="compare-empty">No video</div>
      )}
    </figure>
  );

  return (
    <Dialog
      title={`Compare ${leftLabel} and ${rightLabel}`}
      open
      onClose={onClose}
      size="wide"
      testId="compare-dialog"
    >
      <div className="compare-videos">
        {side(left, leftLabel, leftRef)}
        {side(right, rightLabel, rightRef)}
      </div>
      <div className="compare-transport">
        <Button icon={playing ? 'pause' : 'play'} onClick={toggle} data-testid="compare-play">
          {playing ? 'Pause both' : 'Play both'}
        </Button>
        <input
          type="range"
          className="scrubber-range"
          min={0}
          max={duration || 0}
          step={0.01}
          value={time}
          aria-label="Position of both takes"
          aria-valuetext={formatDuration(time)}
          onChange={(event) => seek(Number(event.target.value))}
        />
        <span className="frame-readout">
          {formatDuration(time)} / {formatDuration(duration)}
        </span>
      </div>
      <div className="compare-diff-head">
        <h3 className="section-heading">Parameters</h3>
        <label className="field-check">
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(event) => setOnlyDifferences(event.target.checked)}
          />
          Only differences ({rows.filter((row) => row.differs).length})
        </label>
      </div>
      <table className="compare-diff" data-testid="compare-diff">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((row) => !onlyDifferences || row.differs)
            .map((row) => (
              <tr key={row.field} className={row.differs ? 'differs' : undefined} data-differs={row.differs}>
                <th scope="row">{row.label}</th>
                <td>{row.left}</td>
                <td>{row.right}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </Dialog>
  );
}
