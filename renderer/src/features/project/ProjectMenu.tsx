import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { useShortcuts } from '../../shortcuts';
import { InterchangeDialog, type InterchangeTab } from '../interchange/InterchangeDialog';
import { NewProjectDialog } from './NewProjectDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { ProjectDecisionDialog } from './ProjectDecisionDialog';
import type { ProjectActions } from './useProjectActions';
import './project.css';

export type ProjectDialog = 'new' | 'open' | null;

/**
 * The title bar's project controls: the project's name with an unsaved-changes dot, New, Open, Save,
 * Import/Export Timeline; the same as Ctrl+N / Ctrl+O / Ctrl+S and the application menu.
 */
export function ProjectMenu({
  actions,
  dialog,
  setDialog,
}: {
  actions: ProjectActions;
  dialog: ProjectDialog;
  setDialog: (dialog: ProjectDialog) => void;
}) {
  const api = useApi();
  const snapshot = actions.snapshot;
  const [interchange, setInterchange] = useState<InterchangeTab | null>(null);

  useEffect(
    () =>
      api.on('app:menuCommand', ({ command }) => {
        if (command === 'project.new') setDialog('new');
        else if (command === 'project.open') setDialog('open');
        else if (command === 'project.save') void actions.save();
        else if (command === 'project.saveAs' && api.host.kind === 'electron')
          void actions.saveAs({ kind: 'dialog' });
      }),
    [actions, api, setDialog],
  );
  useEffect(
    () =>
      api.on('app:openFileRequested', (request) => {
        if (request.error) actions.setError(request.error);
      }),
    [actions, api],
  );

  useShortcuts([
    {
      id: 'project.new',
      keys: ['Mod+N'],
      description: 'New project',
      group: 'Project',
      run: () => setDialog('new'),
    },
    {
      id: 'project.open',
      keys: ['Mod+O'],
      description: 'Open project',
      group: 'Project',
      run: () => setDialog('open'),
    },
    {
      id: 'project.save',
      keys: ['Mod+S'],
      description: 'Save project',
      group: 'Project',
      enabled: () => snapshot !== null,
      run: () => void actions.save(),
    },
    {
      id: 'project.saveAs',
      keys: ['Mod+Shift+S'],
      description: 'Save project as…',
      group: 'Project',
      enabled: () => snapshot !== null && api.host.kind === 'electron',
      run: () => void actions.saveAs({ kind: 'dialog' }),
    },
  ]);

  return (
    <div className="project-menu">
      {snapshot && (
        <span className="project-title" data-testid="project-title" title={snapshot.folder}>
          {snapshot.document.name}
          {snapshot.dirty && (
            <span className="dirty-dot" aria-label="unsaved changes" title="Unsaved changes" />
          )}
        </span>
      )}
      <Button variant="ghost" onClick={() => setDialog('new')}>
        New
      </Button>
      <Button variant="ghost" onClick={() => setDialog('open')}>
        Open
      </Button>
      <Button
        variant="ghost"
        disabled={!snapshot || !snapshot.dirty || actions.busy}
        onClick={() => void actions.save()}
        data-testid="save-project"
        shortcut="Ctrl+S"
      >
        Save
      </Button>
      <Button
        variant="ghost"
        disabled={!snapshot}
        onClick={() => setInterchange('import')}
        data-testid="import-timeline"
      >
        Import timeline
      </Button>
      <Button
        variant="ghost"
        disabled={!snapshot}
        onClick={() => setInterchange('export')}
        data-testid="export-timeline"
      >
        Export timeline
      </Button>
      <NewProjectDialog open={dialog === 'new'} onClose={() => setDialog(null)} actions={actions} />
      <OpenProjectDialog open={dialog === 'open'} onClose={() => setDialog(null)} actions={actions} />
      <ProjectDecisionDialog actions={actions} />
      {interchange && snapshot && (
        <InterchangeDialog
          tab={interchange}
          onTab={setInterchange}
          onClose={() => setInterchange(null)}
          snapshot={snapshot}
        />
      )}
    </div>
  );
}
