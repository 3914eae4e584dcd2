import type { Sequence } from '../../../../common/model';
import { useShortcuts } from '../../shortcuts';
import { useProjectState, useUiStore } from '../../state';
import { usePlaybackClock } from './playback/PlaybackProvider';

/** Space, J K L, arrows, Home/End and I/O for the program (the sequence). Renders nothing. */
export function TransportShortcuts({ sequence, endFrame }: { sequence: Sequence; endFrame: number }) {
  const clock = usePlaybackClock();
  const ui = useUiStore();
  const { edit } = useProjectState();
  const playhead = () => ui.getState().playheadFrame;
  const setMarks = (inFrame: number | null, outFrame: number | null) =>
    void edit({ type: 'setInOut', sequenceId: sequence.id, inFrame, outFrame });
  useShortcuts([
    {
      id: 'transport.toggle',
      keys: ['Space'],
      group: 'Playback',
      description: 'Play / pause',
      run: () => clock.toggle(),
    },
    {
      id: 'transport.reverse',
      keys: ['J'],
      group: 'Playback',
      description: 'Play backwards (again: faster)',
      run: () => clock.shuttle(-1),
    },
    {
      id: 'transport.stop',
      keys: ['K'],
      group: 'Playback',
      description: 'Stop',
      run: () => clock.shuttle(0),
    },
    {
      id: 'transport.forward',
      keys: ['L'],
      group: 'Playback',
      description: 'Play forwards (again: faster)',
      run: () => clock.shuttle(1),
    },
    {
      id: 'transport.stepBack',
      keys: ['ArrowLeft'],
      group: 'Playback',
      description: 'Back one frame',
      repeat: true,
      run: () => (clock.pause(), clock.seek(playhead() - 1)),
    },
    {
      id: 'transport.stepForward',
      keys: ['ArrowRight'],
      group: 'Playback',
      description: 'Forward one frame',
      repeat: true,
      run: () => (clock.pause(), clock.seek(playhead() + 1)),
    },
    {
      id: 'transport.stepBackSecond',
      keys: ['Shift+ArrowLeft'],
      group: 'Playback',
      description: 'Back one second',
      repeat: true,
      run: () => (clock.pause(), clock.seek(playhead() - Math.round(sequence.rate.num / sequence.rate.den))),
    },
    {
      id: 'transport.stepForwardSecond',
      keys: ['Shift+ArrowRight'],
      group: 'Playback',
      description: 'Forward one second',
      repeat: true,
      run: () => (clock.pause(), clock.seek(playhead() + Math.round(sequence.rate.num / sequence.rate.den))),
    },
    {
      id: 'transport.home',
      keys: ['Home'],
      group: 'Playback',
      description: 'Go to start',
      run: () => clock.seek(0),
    },
    {
      id: 'transport.end',
      keys: ['End'],
      group: 'Playback',
      description: 'Go to end',
      run: () => (clock.pause(), clock.seek(endFrame)),
    },
    {
      id: 'transport.markIn',
      keys: ['I'],
      group: 'Marks',
      description: 'Mark in at the playhead',
      run: () =>
        setMarks(
          playhead(),
          sequence.outFrame !== null && sequence.outFrame > playhead() ? sequence.outFrame : null,
        ),
    },
    {
      id: 'transport.markOut',
      keys: ['O'],
      group: 'Marks',
      description: 'Mark out at the playhead',
      run: () =>
        setMarks(
          sequence.inFrame !== null && sequence.inFrame < playhead() ? sequence.inFrame : null,
          playhead(),
        ),
    },
    {
      id: 'transport.clearMarks',
      keys: ['Alt+X'],
      group: 'Marks',
      description: 'Clear in and out',
      run: () => setMarks(null, null),
    },
  ]);
  return null;
}
