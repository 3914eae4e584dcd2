import { useRef } from 'react';
import type { EditCommandInput, ProjectSnapshot, Result } from '../../../../common/contract';
import type { Sequence } from '../../../../common/model';
import { useShortcuts } from '../../shortcuts';
import { sendAsOneStep, type EditBatch, type EditOne } from './interaction/editStep';
import { useUiStore } from '../../state';
import type { SequenceLayout } from './geometry/trackLayout';
import {
  bladeCommands,
  copySelection,
  deleteCommands,
  pasteCommands,
  transitionAtPlayheadCommand,
  type ClipboardEntry,
} from './interaction/editActions';

/** The timeline's editing keys (blade, delete, undo, zoom, markers, copy/paste). */
export function useTimelineShortcuts(options: {
  sequence: Sequence;
  layout: SequenceLayout;
  edit: EditOne;
  editBatch: EditBatch;
  undo: () => Promise<Result<ProjectSnapshot>>;
  redo: () => Promise<Result<ProjectSnapshot>>;
  zoomBy: (factor: number) => void;
  fit: () => void;
  toggleSnapping: () => void;
  addMarker: () => void;
  transitionFrames: number;
  report: (message: string | null) => void;
}) {
  const ui = useUiStore();
  const clipboard = useRef<ClipboardEntry[]>([]);
  const { sequence, layout, edit, report } = options;
  const selection = () => ui.getState().selectedItemIds;
  const playhead = () => ui.getState().playheadFrame;
  const send = (commands: EditCommandInput[], label?: string) =>
    sendAsOneStep({ edit, editBatch: options.editBatch }, commands, report, label);
  const afterHistory = (result: Result<ProjectSnapshot>) => report(result.ok ? null : result.error.message);

  useShortcuts([
    {
      id: 'timeline.blade',
      keys: ['B', 'S'],
      group: 'Timeline',
      description: 'Blade (split) at the playhead',
      run: () => void send(bladeCommands(sequence, layout, playhead(), selection()), 'Blade'),
    },
    {
      id: 'timeline.lift',
      keys: ['Delete', 'Backspace'],
      group: 'Timeline',
      description: 'Delete the selection, leaving a gap (lift)',
      run: () =>
        void send(deleteCommands(sequence, layout, selection(), false), 'Lift').then(() =>
          ui.set({ selectedItemIds: [] }),
        ),
    },
    {
      id: 'timeline.rippleDelete',
      keys: ['Shift+Delete', 'Shift+Backspace'],
      group: 'Timeline',
      description: 'Ripple delete the selection (close the gap)',
      run: () =>
        void send(deleteCommands(sequence, layout, selection(), true), 'Ripple delete').then(() =>
          ui.set({ selectedItemIds: [] }),
        ),
    },
    {
      id: 'timeline.undo',
      keys: ['Mod+Z'],
      group: 'Edit',
      description: 'Undo',
      repeat: true,
      run: () => void options.undo().then(afterHistory),
    },
    {
      id: 'timeline.redo',
      keys: ['Mod+Shift+Z', 'Mod+Y'],
      group: 'Edit',
      description: 'Redo',
      repeat: true,
      run: () => void options.redo().then(afterHistory),
    },
    {
      id: 'timeline.zoomIn',
      keys: ['+', '='],
      group: 'Timeline',
      description: 'Zoom in',
      repeat: true,
      run: () => options.zoomBy(1.5),
    },
    {
      id: 'timeline.zoomOut',
      keys: ['-'],
      group: 'Timeline',
      description: 'Zoom out',
      repeat: true,
      run: () => options.zoomBy(1 / 1.5),
    },
    {
      id: 'timeline.fit',
      keys: ['Shift+Z', '\\'],
      group: 'Timeline',
      description: 'Zoom to fit the sequence',
      run: options.fit,
    },
    {
      id: 'timeline.snapping',
      keys: ['N'],
      group: 'Timeline',
      description: 'Snapping on / off',
      run: options.toggleSnapping,
    },
    {
      id: 'timeline.marker',
      keys: ['M'],
      group: 'Timeline',
      description: 'Add a marker at the playhead',
      run: options.addMarker,
    },
    {
      id: 'timeline.copy',
      keys: ['Mod+C'],
      group: 'Edit',
      description: 'Copy the selected clips',
      run: () => {
        clipboard.current = copySelection(layout, selection());
        report(
          clipboard.current.length
            ? `Copied ${clipboard.current.length} clip${clipboard.current.length > 1 ? 's' : ''}`
            : null,
        );
      },
    },
    {
      id: 'timeline.paste',
      keys: ['Mod+V'],
      group: 'Edit',
      description: 'Paste at the playhead (overwrite)',
      run: () => {
        const { commands, newIds } = pasteCommands(sequence, layout, clipboard.current, playhead());
        void send(commands, 'Paste').then((ok) => ok && ui.set({ selectedItemIds: newIds }));
      },
    },
    {
      id: 'timeline.selectAll',
      keys: ['Mod+A'],
      group: 'Edit',
      description: 'Select every clip',
      run: () => ui.set({ selectedItemIds: [...layout.clipsById.keys()] }),
    },
    {
      id: 'timeline.deselect',
      keys: ['Escape'],
      group: 'Edit',
      description: 'Clear the selection',
      run: () => ui.set({ selectedItemIds: [] }),
    },
    {
      id: 'timeline.dissolve',
      keys: ['Mod+D'],
      group: 'Timeline',
      description: 'Dissolve on the cut nearest the playhead',
      run: () => {
        const command = transitionAtPlayheadCommand(
          sequence,
          layout,
          playhead(),
          selection(),
          'dissolve',
          options.transitionFrames,
        );
        if (command) void send([command]);
      },
    },
  ]);
}
