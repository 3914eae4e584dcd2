import type { ReactNode } from 'react';
import { useCurrentSequence } from '../timeline/useCurrentSequence';
import { PlaybackProvider } from './playback/PlaybackProvider';

/** The transport for the current sequence (its rate and length); the viewer and timeline share it. */
export function SequencePlaybackProvider({ children }: { children: ReactNode }) {
  const current = useCurrentSequence();
  return (
    <PlaybackProvider fps={current?.fps ?? 24} endFrame={current?.layout.durationFrames ?? 0}>
      {children}
    </PlaybackProvider>
  );
}
