import { memo, type ReactNode } from 'react';
import { ToolIcon } from './ToolIcon';
import type { TransitionKind } from '../../../../common/model';
import { maxPxPerFrame, minPxPerFrame } from './geometry/timeScale';
import { transitionDragType } from './interaction/useLaneDrops';

const transitionChips: Array<{ kind: TransitionKind; label: string }> = [
  { kind: 'dissolve', label: 'Dissolve' },
  { kind: 'dipToBlack', label: 'Dip to black' },
  { kind: 'dipToWhite', label: 'Dip to white' },
  { kind: 'wipeLeft', label: 'Wipe' },
];

/** Zoom is shown on a log scale so one slider spans whole-sequence to single frames. */
const toSlider = (pxPerFrame: number) =>
  (Math.log(pxPerFrame / minPxPerFrame) / Math.log(maxPxPerFrame / minPxPerFrame)) * 1000;
const fromSlider = (value: number) => minPxPerFrame * Math.pow(maxPxPerFrame / minPxPerFrame, value / 1000);

export const TimelineToolbar = memo(function TimelineToolbar({
  pxPerFrame,
  onZoom,
  onZoomBy,
  onFit,
  snapping,
  onSnapping,
  transitionFrames,
  onTransitionFrames,
  onBlade,
  onMarker,
  onUndo,
  onRedo,
  canUndo,
  canRedo,
  undoLabel,
  redoLabel,
  message,
  trailing,
}: {
  pxPerFrame: number;
  onZoom: (pxPerFrame: number) => void;
  onZoomBy: (factor: number) => void;
  onFit: () => void;
  snapping: boolean;
  onSnapping: (on: boolean) => void;
  transitionFrames: number;
  onTransitionFrames: (frames: number) => void;
  onBlade: () => void;
  onMarker: () => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  message: string | null;
  trailing?: ReactNode;
}) {
  return (
    <div className="timeline-toolbar" role="toolbar" aria-label="Timeline tools">
      <button
        type="button"
        className="tool"
        onClick={onUndo}
        disabled={!canUndo}
        title={`Undo ${undoLabel ?? ''} (Ctrl/⌘+Z)`}
        data-testid="timeline-undo"
      >
        <ToolIcon name="undo" />
      </button>
      <button
        type="button"
        className="tool"
        onClick={onRedo}
        disabled={!canRedo}
        title={`Redo ${redoLabel ?? ''} (Ctrl/⌘+Shift+Z)`}
        data-testid="timeline-redo"
      >
        <ToolIcon name="redo" />
      </button>
      <span className="tool-separator" />
      <button
        type="button"
        className="tool"
        onClick={onBlade}
        title="Blade at the playhead (B or S)"
        data-testid="timeline-blade"
      >
        <ToolIcon name="blade" />
      </button>
      <button
        type="button"
        className="tool"
        onClick={onMarker}
        title="Add a marker at the playhead (M)"
        data-testid="timeline-marker"
      >
        <ToolIcon name="marker" />
      </button>
      <button
        type="button"
        className={`tool${snapping ? ' active' : ''}`}
        aria-pressed={snapping}
        onClick={() => onSnapping(!snapping)}
        title="Snapping to cuts, markers and the playhead (N); hold Shift while dragging to skip it"
        data-testid="timeline-snapping"
      >
        <ToolIcon name="magnet" />
      </button>
      <span className="tool-separator" />
      <span className="tool-label">Transitions</span>
      {transitionChips.map((chip) => (
        <span
          key={chip.kind}
          className="transition-chip"
          draggable
          data-testid={`transition-chip-${chip.kind}`}
          title={`Drag onto a cut (${transitionFrames} frames)`}
          onDragStart={(event) => {
            event.dataTransfer.setData(transitionDragType, JSON.stringify({ kind: chip.kind }));
            event.dataTransfer.effectAllowed = 'copy';
          }}
        >
          {chip.label}
        </span>
      ))}
      <label
        className="tool-field"
        title="Length of dropped transitions (and of the selected ones), in frames"
      >
        <input
          type="number"
          min={2}
          max={240}
          value={transitionFrames}
          data-testid="transition-frames"
          onChange={(event) =>
            onTransitionFrames(Math.max(2, Math.min(240, Number(event.target.value) || 12)))
          }
        />
        f
      </label>
      <span className="tool-message" role="status" data-testid="timeline-message">
        {message}
      </span>
      <button type="button" className="tool" onClick={() => onZoomBy(1 / 1.5)} title="Zoom out (−)">
        −
      </button>
      <input
        className="zoom-slider"
        type="range"
        min={0}
        max={1000}
        value={toSlider(pxPerFrame)}
        aria-label="Zoom"
        data-testid="timeline-zoom"
        onChange={(event) => onZoom(fromSlider(Number(event.target.value)))}
      />
      <button type="button" className="tool" onClick={() => onZoomBy(1.5)} title="Zoom in (+)">
        +
      </button>
      <button
        type="button"
        className="tool"
        onClick={onFit}
        title="Zoom to fit (Shift+Z or \)"
        data-testid="timeline-fit"
      >
        Fit
      </button>
      {trailing}
    </div>
  );
});
