import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { IconButton } from '../../components/Button';
import { useShortcuts } from '../../shortcuts';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

/**
 * The title bar's settings and shortcuts buttons; Mod+, / ? and the application menu open the same
 * dialogs.
 */
export function SettingsButton() {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  useShortcuts([
    {
      id: 'app.settings',
      keys: ['Mod+,'],
      description: 'Settings',
      group: 'Application',
      run: () => setOpen(true),
    },
    {
      id: 'app.shortcuts',
      keys: ['Shift+?'],
      description: 'Keyboard shortcuts',
      group: 'Application',
      run: () => setHelp(true),
    },
  ]);
  useEffect(
    () =>
      api.on('app:menuCommand', ({ command }) => {
        if (command === 'app.settings') setOpen(true);
        if (command === 'help.shortcuts') setHelp(true);
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
      <IconButton
        icon="key"
        label="Keyboard shortcuts (?)"
        onClick={() => setHelp(true)}
        data-testid="open-shortcuts"
      />
      {open && <SettingsDialog open onClose={() => setOpen(false)} />}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </>
  );
}
