import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import type { ProjectActions } from './useProjectActions';
import { useRecentProjects } from './useRecentProjects';

/** Shown over the workspace while no project is open: start one, or pick up a recent one. */
export function WelcomeScreen({
  actions,
  onNew,
  onOpen,
}: {
  actions: ProjectActions;
  onNew: () => void;
  onOpen: () => void;
}) {
  const recent = useRecentProjects(true)
    .filter((project) => project.exists)
    .slice(0, 6);
  return (
    <div className="welcome" data-testid="welcome-screen">
      <div className="welcome-card">
        <h1>Shotloom</h1>
        <p className="muted">Design shots, generate takes, cut them together, export the film.</p>
        <div className="welcome-actions">
          <Button variant="primary" icon="plus" onClick={onNew} shortcut="Ctrl+N">
            New project
          </Button>
          <Button icon="folder" onClick={onOpen} shortcut="Ctrl+O">
            Open project
          </Button>
        </div>
        {recent.length > 0 && (
          <>
            <h2 className="section-title">Recent projects</h2>
            <ul className="recent-list" aria-label="Recent projects">
              {recent.map((project) => (
                <li key={project.folder}>
                  <button
                    type="button"
                    className="recent-item"
                    title={project.folder}
                    onClick={() => void actions.open({ kind: 'recent', folder: project.folder })}
                  >
                    <Icon name="folder" size={14} />
                    <span className="recent-name">{project.folderName}</span>
                    <span className="recent-path">{project.folder}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {actions.error && (
          <p className="form-error" role="alert">
            {actions.error.message}
          </p>
        )}
      </div>
    </div>
  );
}
