import type { ReactNode } from 'react';
import { ToolIcon } from '../timeline/ToolIcon';

/** Transport buttons shared by the program and source viewers. */
export function ViewerControls({
  playing,
  onToggle,
  onStep,
  onStart,
  onEnd,
  children,
}: {
  playing: boolean;
  onToggle: () => void;
  onStep: (frames: number) => void;
  onStart: () => void;
  onEnd: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="viewer-controls">
      <button type="button" className="icon-button" title="Go to start (Home)" onClick={onStart}>
        <ToolIcon name="skipBack" />
      </button>
      <button type="button" className="icon-button" title="Back one frame (←)" onClick={() => onStep(-1)}>
        <ToolIcon name="stepBack" />
      </button>
      <button
        type="button"
        className="icon-button play-button"
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="viewer-play"
        onClick={onToggle}
      >
        <ToolIcon name={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" className="icon-button" title="Forward one frame (→)" onClick={() => onStep(1)}>
        <ToolIcon name="stepForward" />
      </button>
      <button type="button" className="icon-button" title="Go to end (End)" onClick={onEnd}>
        <ToolIcon name="skipForward" />
      </button>
      {children}
    </div>
  );
}
