import { useRef, useState, useSyncExternalStore } from 'react';
import { ToolIcon } from '../timeline/ToolIcon';
import { useUiState } from '../../state';
import { hasAssetDrag, readAssetDrag } from '../bin/dragTypes';
import { useCurrentSequence } from '../timeline/useCurrentSequence';
import { usePlaybackClock, usePlaybackState } from './playback/PlaybackProvider';
import { ProgramViewer } from './ProgramViewer';
import { SafeAreaOverlay } from './SafeAreaOverlay';
import { SourceViewer, type SourceMarks } from './SourceViewer';
import { TimecodeDisplay } from './TimecodeDisplay';
import { TransportShortcuts } from './TransportShortcuts';
import { ViewerControls } from './ViewerControls';
import './viewer.css';

/** The viewer panel: the program (the sequence) or the source (a bin clip), with guides and full screen. */
export function Viewer() {
  const current = useCurrentSequence();
  const clock = usePlaybackClock();
  const playback = usePlaybackState();
  const [playheadFrame] = useUiState((state) => state.playheadFrame);
  const [mode, setMode] = useState<'program' | 'source'>('program');
  const [sourceAssetId, setSourceAssetId] = useState<string | null>(null);
  const [safeArea, setSafeArea] = useState(false);
  const [marksByAsset, setMarksByAsset] = useState(() => new Map<string, SourceMarks>());
  const [dropping, setDropping] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const fullscreen = useSyncExternalStore(
    (listener) => {
      document.addEventListener('fullscreenchange', listener);
      return () => document.removeEventListener('fullscreenchange', listener);
    },
    () => document.fullscreenElement !== null && document.fullscreenElement === root.current,
  );

  if (!current) return <div className="viewer-frame" />;
  const { sequence, layout, document: project } = current;
  const sourceAsset = sourceAssetId ? (project.assets[sourceAssetId] ?? null) : null;
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen().catch(() => undefined);
  };

  return (
    <div
      ref={root}
      className={`viewer${dropping ? ' viewer-dropping' : ''}`}
      data-testid="viewer"
      data-mode={mode}
      // Focusable, so a click here takes the keyboard from other panels (the bin's arrow keys).
      tabIndex={-1}
      onDragOver={(event) => {
        if (!hasAssetDrag(event.dataTransfer)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false);
        const payload = readAssetDrag(event.dataTransfer);
        if (!payload) return;
        event.preventDefault();
        setSourceAssetId(payload.assetId);
        setMode('source');
      }}
    >
      <TransportShortcuts sequence={sequence} endFrame={layout.durationFrames} />
      <div className="viewer-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'program'}
          onClick={() => setMode('program')}
        >
          Program
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'source'}
          onClick={() => setMode('source')}
          title={sourceAsset ? sourceAsset.name : 'Drop a bin clip on the viewer'}
        >
          Source{sourceAsset ? `: ${sourceAsset.name}` : ''}
        </button>
        <span className="viewer-spacer" />
        <button
          type="button"
          className={`icon-button${safeArea ? ' active' : ''}`}
          aria-pressed={safeArea}
          title="Safe-area guides"
          data-testid="viewer-safe-area"
          onClick={() => setSafeArea(!safeArea)}
        >
          <ToolIcon name="safeArea" />
        </button>
        <button
          type="button"
          className="icon-button"
          title="Full screen"
          aria-pressed={fullscreen}
          onClick={toggleFullscreen}
        >
          <ToolIcon name="fullscreen" />
        </button>
      </div>
      <div className="viewer-mode" hidden={mode !== 'program'}>
        <div className="viewer-picture" style={{ aspectRatio: `${sequence.width} / ${sequence.height}` }}>
          <ProgramViewer sequence={sequence} layout={layout} assets={project.assets} />
          {safeArea && <SafeAreaOverlay />}
        </div>
        <ViewerControls
          playing={playback.playing}
          onToggle={() => clock.toggle()}
          onStep={(frames) => (clock.pause(), clock.seek(playheadFrame + frames))}
          onStart={() => clock.seek(0)}
          onEnd={() => (clock.pause(), clock.seek(layout.durationFrames))}
        >
          <TimecodeDisplay frame={playheadFrame} rate={sequence.rate} testId="program-timecode" />
          <span className="viewer-rate">
            {playback.playing && playback.rate !== 1 ? `${playback.rate}×` : ''}
          </span>
          <span className="viewer-spacer" />
          <span className="timecode timecode-dim" title="Sequence duration">
            <TimecodeDisplay frame={layout.durationFrames} rate={sequence.rate} testId="program-duration" />
          </span>
        </ViewerControls>
      </div>
      {mode === 'source' && (
        <SourceViewer
          asset={sourceAsset}
          sequence={sequence}
          active={mode === 'source'}
          safeArea={safeArea}
          marksByAsset={marksByAsset}
          onMarks={(assetId, marks) => setMarksByAsset((previous) => new Map(previous).set(assetId, marks))}
        />
      )}
    </div>
  );
}
