import type { HandlerMap } from '../../core/handlers';
import type { Binaries } from '../../ffmpeg/binaries';
import type { ProjectAccess } from '../project/projectAccess';
import { folderFromHost, type ChooseFolder } from '../project/projectLocations';
import { defaultExportPath, exportInterchange } from './exportInterchange';
import { importInterchange } from './importInterchange';
import { formatFromFileName } from './interchangeFormats';
import { linkFilesInPlace } from './linkFilesInPlace';

export interface InterchangeDeps {
  projects: ProjectAccess;
  binaries: Binaries;
  chooseFolder?: ChooseFolder;
}

type InterchangeHandlers = Pick<HandlerMap, 'interchange:export' | 'interchange:import'>;

export function interchangeHandlers(deps: InterchangeDeps): InterchangeHandlers {
  return {
    'interchange:export': (request) => {
      const project = deps.projects.current();
      return exportInterchange(project, {
        sequenceId: request.sequenceId,
        format: request.format,
        mediaPaths: request.mediaPaths,
        outputPath: defaultExportPath(project, request.sequenceId, request.format, request.fileName),
      });
    },
    'interchange:import': async (request, context) => {
      const project = deps.projects.current();
      const search = request.searchIn;
      let searchFolder: string | null = null;
      if (search?.kind === 'projectFolder') searchFolder = project.folder;
      else if (search) {
        searchFolder = await folderFromHost(
          search.kind,
          search.kind === 'path' ? search.folder : undefined,
          'relinkSearch',
          context,
          {
            projectsRoot: project.folder,
            ...(deps.chooseFolder ? { chooseFolder: deps.chooseFolder } : {}),
            isRecent: async () => false,
          },
        );
      }
      return importInterchange(project, request.content, {
        format: request.format ?? formatFromFileName(request.fileName),
        baseFolder: null,
        searchFolder,
        linkFiles: linkFilesInPlace(deps.projects, deps.binaries),
      });
    },
  };
}
