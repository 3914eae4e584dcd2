import { join } from 'node:path';
import type { EventEmit } from '../../core/handlers';
import type { SettingsStore } from '../settings/settingsStore';
import { projectHandlers } from './projectHandlers';
import type { ChooseFolder } from './projectLocations';
import { ProjectService } from './projectService';
import type { WriteFile } from './projectFileIo';

export interface ProjectServiceDeps {
  host: string;
  dataDir: string;
  settings: SettingsStore;
  emit: EventEmit;
  /** The host's folder dialog, when it has one. */
  chooseFolder?: ChooseFolder;
  autosaveIntervalMs?: number;
  writeFile?: WriteFile;
}

/** The project service and its `project:*` handlers, as the core wires them. */
export function createProjectService(deps: ProjectServiceDeps) {
  const service = new ProjectService({
    emit: deps.emit,
    host: deps.host,
    recent: {
      load: async () => (await deps.settings.load()).recentProjects,
      save: async (folders) => {
        await deps.settings.update({ recentProjects: folders });
      },
    },
    ...(deps.autosaveIntervalMs !== undefined ? { autosaveIntervalMs: deps.autosaveIntervalMs } : {}),
    ...(deps.writeFile ? { writeFile: deps.writeFile } : {}),
  });
  const handlers = projectHandlers(
    service,
    {
      projectsRoot: join(deps.dataDir, 'projects'),
      ...(deps.chooseFolder ? { chooseFolder: deps.chooseFolder } : {}),
    },
    async () => (await deps.settings.load()).defaults,
  );
  return { service, handlers };
}
