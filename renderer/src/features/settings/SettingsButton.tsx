import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { IconButton } from '../../components/Button';
import { useShortcuts } from '../../shortcuts';
import { SettingsDialog } from './SettingsDialog';

/** The title bar's settings button; Mod+, and the application menu open the same dialog. */
export function SettingsButton() {
  const api = useApi();
  const [open, setOpen] = useState(false);
  useShortcuts([
    {
      id: 'app.settings',
      keys: ['Mod+,'],
      description: 'Settings',
      group: 'Application',
      run: () => setOpen(true),
    },
  ]);
  useEffect(
    () =>
      api.on('app:menuCommand', ({ command }) => {
        if (command === 'app.settings') setOpen(true);
      }),
    [api],
  );
  return (
    <>
      <IconButton
        icon="settings"
        label="Settings (Ctrl+,)"
        className="settings-button"
        onClick={() => setOpen(true)}
        data-testid="open-settings"
      />
      {open && <SettingsDialog open onClose={() => setOpen(false)} />}
    </>
  );
}
