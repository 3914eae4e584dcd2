import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import type { ProjectActions } from './useProjectActions';
import { useRecentProjects } from './useRecentProjects';

/** Open a recent project, a project in the projects folder by name, or (desktop) any folder. */
export function OpenProjectDialog({
  open,
  onClose,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  actions: ProjectActions;
}) {
  const api = useApi();
  const recent = useRecentProjects(open);
  const [name, setName] = useState('');
  const done = (opened: boolean) => opened && onClose();
  return (
    <Dialog
      title="Open project"
      open={open}
      onClose={onClose}
      size="medium"
      testId="open-project-dialog"
      footer={<Button onClick={onClose}>Cancel</Button>}
    >
      <h3 className="section-title">Recent</h3>
      {recent.length === 0 && <p className="muted">No recent projects yet.</p>}
      <ul className="recent-list" aria-label="Recent projects">
        {recent.map((project) => (
          <li key={project.folder}>
            <button
              type="button"
              className="recent-item"
              disabled={!project.exists || actions.busy}
              title={project.exists ? project.folder : `${project.folder} (moved or deleted)`}
              onClick={() => void actions.open({ kind: 'recent', folder: project.folder }).then(done)}
            >
              <Icon name="folder" size={14} />
              <span className="recent-name">{project.folderName}</span>
              <span className="recent-path">{project.exists ? project.folder : 'missing'}</span>
            </button>
          </li>
        ))}
      </ul>
      {api.host.kind === 'electron' ? (
        <Button icon="folder" onClick={() => void actions.open({ kind: 'dialog' }).then(done)}>
          Browse…
        </Button>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) void actions.open({ kind: 'projectsRoot', name: name.trim() }).then(done);
          }}
        >
          <TextField
            label="Project in the projects folder"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="Folder name"
          />
          <Button type="submit" disabled={!name.trim() || actions.busy}>
            Open
          </Button>
        </form>
      )}
      {actions.error && (
        <p className="form-error" role="alert">
          {actions.error.message}
        </p>
      )}
    </Dialog>
  );
}
