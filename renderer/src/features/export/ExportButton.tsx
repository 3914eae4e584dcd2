import { memo, useEffect, useState } from 'react';
import type { Sequence } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { useShortcuts } from '../../shortcuts';
import { ExportDialog } from './ExportDialog';

/** "Export…" in the timeline toolbar; also opened by the application menu and Ctrl/⌘+E. */
export const ExportButton = memo(function ExportButton({
  sequence,
  durationFrames,
}: {
  sequence: Sequence;
  durationFrames: number;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  useEffect(
    () => api.on('app:menuCommand', ({ command }) => command === 'render.export' && setOpen(true)),
    [api],
  );
  useShortcuts([
    {
      id: 'export.open',
      keys: ['Mod+E'],
      group: 'Export',
      description: 'Export the sequence',
      run: () => setOpen(true),
    },
  ]);
  return (
    <>
      <button
        type="button"
        className="tool export-button"
        onClick={() => setOpen(true)}
        data-testid="export-open"
        title="Export (Ctrl/⌘+E)"
      >
        Export…
      </button>
      <ExportDialog
        open={open}
        onClose={() => setOpen(false)}
        sequence={sequence}
        durationFrames={durationFrames}
      />
    </>
  );
});
