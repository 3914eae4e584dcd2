import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { SegmentedControl } from '../../components/SegmentedControl';
import { GeneralSection } from './GeneralSection';
import { KeysSection } from './KeysSection';
import { ProjectSection } from './ProjectSection';
import './settings.css';

type SettingsTab = 'keys' | 'general' | 'project';

/** Settings: API keys, FFmpeg and cache, project defaults and budget. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [tab, setTab] = useState<SettingsTab>('keys');
  return (
    <Dialog title="Settings" open={open} onClose={onClose} size="large" testId="settings-dialog">
      <div className="settings-tabs">
        <SegmentedControl<SettingsTab>
          label="Settings section"
          value={tab}
          onChange={setTab}
          segments={[
            { value: 'keys', label: 'API keys', icon: 'key' },
            { value: 'general', label: 'General', icon: 'settings' },
            { value: 'project', label: 'Project', icon: 'folder' },
          ]}
        />
      </div>
      {tab === 'keys' && <KeysSection />}
      {tab === 'general' && <GeneralSection />}
      {tab === 'project' && <ProjectSection />}
    </Dialog>
  );
}
