import { useEffect, useRef, useState } from 'react';
import type { Asset, Sequence } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { useShortcuts } from '../../shortcuts';
import { useProjectState, useUiStore } from '../../state';
import { defaultTrackFor, newClipFromAsset } from '../timeline/interaction/newClip';
import { playbackUrl } from './playback/playbackUrl';
import { SafeAreaOverlay } from './SafeAreaOverlay';
import { TimecodeDisplay } from './TimecodeDisplay';
import { ViewerControls } from './ViewerControls';

export interface SourceMarks {
  inSeconds: number | null;
  outSeconds: number | null;
}

/**
 * The source viewer: a bin clip on its own, with its own in and out marks (kept per asset while the
 * editor runs), and Insert ( , ) / Overwrite ( . ) of the marked range at the sequence playhead.
 */
export function SourceViewer({
  asset,
  sequence,
  active,
  safeArea,
  marksByAsset,
  onMarks,
}: {
  asset: Asset | null;
  sequence: Sequence;
  active: boolean;
  safeArea: boolean;
  marksByAsset: Map<string, SourceMarks>;
  onMarks: (assetId: string, marks: SourceMarks) => void;
}) {
  const api = useApi();
  const ui = useUiStore();
  const { edit } = useProjectState();
  const media = useRef<HTMLVideoElement>(null);
  const [seconds, setSeconds] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const marks = (asset && marksByAsset.get(asset.id)) ?? { inSeconds: null, outSeconds: null };
  const fps = sequence.rate.num / sequence.rate.den;
  const frame = Math.floor(seconds * fps + 1e-6);

  useEffect(() => {
    const element = media.current;
    if (!element) return;
    const onTime = () => setSeconds(element.currentTime);
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    element.addEventListener('timeupdate', onTime);
    element.addEventListener('seeked', onTime);
    element.addEventListener('play', onPlay);
    element.addEventListener('pause', onPause);
    return () => {
      element.removeEventListener('timeupdate', onTime);
      element.removeEventListener('seeked', onTime);
      element.removeEventListener('play', onPlay);
      element.removeEventListener('pause', onPause);
    };
  }, [asset]);

  const seekBy = (frames: number) => {
    const element = media.current;
    if (!element) return;
    element.pause();
    element.currentTime = Math.max(0, element.currentTime + frames / fps);
  };
  const toggle = () => {
    const element = media.current;
    if (element) void (element.paused ? element.play() : Promise.resolve(element.pause()));
  };
  const place = async (mode: 'insertClip' | 'overwriteClip') => {
    if (!asset) return;
    const track = defaultTrackFor(sequence, asset);
    const clip = newClipFromAsset(asset, sequence, {
      inSeconds: marks.inSeconds,
      outSeconds: marks.outSeconds,
    });
    if (!track || !clip)
      return setMessage('Nothing to place: mark a range, and unlock a track of this kind.');
    const result = await edit({
      type: mode,
      sequenceId: sequence.id,
      trackId: track.id,
      frame: ui.getState().playheadFrame,
      clip,
    });
    setMessage(result.ok ? null : result.error.message);
  };

  useShortcuts([
    {
      id: 'source.play',
      keys: ['Space'],
      group: 'Source',
      description: 'Play / pause the source',
      enabled: () => active,
      run: toggle,
    },
    {
      id: 'source.markIn',
      keys: ['I'],
      group: 'Source',
      description: 'Mark in on the source',
      enabled: () => active && asset !== null,
      run: () => asset && onMarks(asset.id, { ...marks, inSeconds: media.current?.currentTime ?? 0 }),
    },
    {
      id: 'source.markOut',
      keys: ['O'],
      group: 'Source',
      description: 'Mark out on the source',
      enabled: () => active && asset !== null,
      run: () => asset && onMarks(asset.id, { ...marks, outSeconds: media.current?.currentTime ?? 0 }),
    },
    {
      id: 'source.stepBack',
      keys: ['ArrowLeft'],
      group: 'Source',
      description: 'Back one frame',
      repeat: true,
      enabled: () => active,
      run: () => seekBy(-1),
    },
    {
      id: 'source.stepForward',
      keys: ['ArrowRight'],
      group: 'Source',
      description: 'Forward one frame',
      repeat: true,
      enabled: () => active,
      run: () => seekBy(1),
    },
    {
      id: 'source.insert',
      keys: [','],
      group: 'Source',
      description: 'Insert the marked range at the playhead',
      enabled: () => active,
      run: () => void place('insertClip'),
    },
    {
      id: 'source.overwrite',
      keys: ['.'],
      group: 'Source',
      description: 'Overwrite at the playhead with the marked range',
      enabled: () => active,
      run: () => void place('overwriteClip'),
    },
  ]);

  if (!asset) {
    return <p className="empty-state">Drop a clip from the bin here to view it with its own marks.</p>;
  }
  const duration = asset.media.duration.num / asset.media.duration.den;
  return (
    <div className="viewer-mode" data-testid="source-viewer" data-asset-id={asset.id}>
      <div className="viewer-picture">
        {asset.kind === 'image' ? (
          <img className="program-video" src={api.host.mediaUrl(asset.id)} alt={asset.name} />
        ) : (
          <video
            ref={media}
            className="program-video source-video"
            src={playbackUrl(api.host, asset, asset.id)}
            preload="auto"
            playsInline
          />
        )}
        {safeArea && <SafeAreaOverlay />}
      </div>
      <div className="source-marks-bar" aria-hidden>
        {marks.inSeconds !== null && marks.outSeconds !== null && duration > 0 && (
          <div
            className="source-marked-range"
            style={{
              left: `${(marks.inSeconds / duration) * 100}%`,
              width: `${((marks.outSeconds - marks.inSeconds) / duration) * 100}%`,
            }}
          />
        )}
        <div
          className="source-position"
          style={{ left: `${duration > 0 ? (seconds / duration) * 100 : 0}%` }}
        />
      </div>
      <ViewerControls
        playing={playing}
        onToggle={toggle}
        onStep={seekBy}
        onStart={() => media.current && (media.current.currentTime = 0)}
        onEnd={() => media.current && (media.current.currentTime = duration)}
      >
        <TimecodeDisplay frame={frame} rate={sequence.rate} testId="source-timecode" />
        <span className="viewer-spacer" />
        <button type="button" onClick={() => void place('insertClip')} title="Insert at the playhead ( , )">
          Insert
        </button>
        <button
          type="button"
          onClick={() => void place('overwriteClip')}
          title="Overwrite at the playhead ( . )"
        >
          Overwrite
        </button>
      </ViewerControls>
      {message && <p className="viewer-message">{message}</p>}
    </div>
  );
}
