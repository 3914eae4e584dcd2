import { useState } from 'react';
import type { ProjectSnapshot } from '../../../../common/contract';
import { Dialog } from '../../components/Dialog';
import { SegmentedControl } from '../../components/SegmentedControl';
import { ExportTimelinePane } from './ExportTimelinePane';
import { ImportTimelinePane } from './ImportTimelinePane';
import './interchange.css';

export type InterchangeTab = 'export' | 'import';

/** Hand a cut to Resolve / Premiere / Final Cut Pro (OTIO, FCPXML, EDL), or bring one in from them. */
export function InterchangeDialog({
  tab,
  onTab,
  onClose,
  snapshot,
}: {
  tab: InterchangeTab;
  onTab: (tab: InterchangeTab) => void;
  onClose: () => void;
  snapshot: ProjectSnapshot;
}) {
  const [open, setOpen] = useState(true);
  return (
    <Dialog
      title="Timeline interchange"
      open={open}
      onClose={() => (setOpen(false), onClose())}
      size="medium"
      testId="interchange-dialog"
    >
      <SegmentedControl
        label="Direction"
        value={tab}
        onChange={onTab}
        segments={[
          { value: 'export', label: 'Export (OTIO, FCPXML, EDL)' },
          { value: 'import', label: 'Import into a new sequence' },
        ]}
      />
      {tab === 'export' ? <ExportTimelinePane snapshot={snapshot} /> : <ImportTimelinePane />}
    </Dialog>
  );
}
