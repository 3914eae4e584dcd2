import { createContext, useContext, useState, type ReactNode } from 'react';
import { useProjectState } from '../../state';
import { AutosaveIndicator } from './AutosaveIndicator';
import { ProjectMenu, type ProjectDialog } from './ProjectMenu';
import { useProjectActions, type ProjectActions } from './useProjectActions';
import { WelcomeScreen } from './WelcomeScreen';

interface ProjectChrome {
  actions: ProjectActions;
  dialog: ProjectDialog;
  setDialog: (dialog: ProjectDialog) => void;
}

const ProjectChromeContext = createContext<ProjectChrome | null>(null);

/** Shares one set of project actions between the title bar and the welcome screen. */
export function ProjectActionsProvider({ children }: { children: ReactNode }) {
  const actions = useProjectActions();
  const [dialog, setDialog] = useState<ProjectDialog>(null);
  return (
    <ProjectChromeContext.Provider value={{ actions, dialog, setDialog }}>
      {children}
    </ProjectChromeContext.Provider>
  );
}

function useProjectChrome(): ProjectChrome {
  const chrome = useContext(ProjectChromeContext);
  if (!chrome) throw new Error('project chrome outside ProjectActionsProvider');
  return chrome;
}

export function TitleBarProjectMenu() {
  const { actions, dialog, setDialog } = useProjectChrome();
  return <ProjectMenu actions={actions} dialog={dialog} setDialog={setDialog} />;
}

/** A failed autosave in the status bar, with "Save now". */
export function StatusBarAutosave() {
  const { actions } = useProjectChrome();
  return <AutosaveIndicator onSave={() => void actions.save()} />;
}

/** The welcome screen over the workspace while no project is open. */
export function WelcomeOverlay() {
  const { actions, setDialog } = useProjectChrome();
  const { state } = useProjectState();
  if (state.status !== 'none') return null;
  return <WelcomeScreen actions={actions} onNew={() => setDialog('new')} onOpen={() => setDialog('open')} />;
}
