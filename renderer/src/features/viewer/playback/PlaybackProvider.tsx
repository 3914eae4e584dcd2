import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useUiStore } from '../../../state';
import { createPlaybackClock, type PlaybackClock, type PlaybackState } from './playbackClock';

const PlaybackContext = createContext<PlaybackClock | null>(null);

/** The editor's transport over the UI store's playhead; the timeline and the viewers share it. */
export function PlaybackProvider({
  fps,
  endFrame,
  children,
}: {
  fps: number;
  endFrame: number;
  children: ReactNode;
}) {
  const ui = useUiStore();
  const [clock] = useState(() =>
    createPlaybackClock({
      fps,
      endFrame,
      getPlayhead: () => ui.getState().playheadFrame,
      setPlayhead: (frame) => ui.set({ playheadFrame: frame }),
    }),
  );
  useEffect(() => clock.configure({ fps, endFrame }), [clock, fps, endFrame]);
  useEffect(() => () => clock.dispose(), [clock]);
  return <PlaybackContext.Provider value={clock}>{children}</PlaybackContext.Provider>;
}

export function usePlaybackClock(): PlaybackClock {
  const clock = useContext(PlaybackContext);
  if (!clock) throw new Error('usePlaybackClock outside PlaybackProvider');
  return clock;
}

export function usePlaybackState(): PlaybackState {
  const clock = usePlaybackClock();
  return useSyncExternalStore(clock.subscribe, clock.getState);
}
