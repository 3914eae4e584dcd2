import type { Handler } from '../../core/handlers';
import type { ProjectService } from './projectService';
import { folderFromHost, resolveLocation, type LocationDeps } from './projectLocations';

type ProjectChannel =
  | 'project:new'
  | 'project:open'
  | 'project:save'
  | 'project:saveAs'
  | 'project:close'
  | 'project:recent'
  | 'project:get'
  | 'project:edit'
  | 'project:editBatch'
  | 'project:undo'
  | 'project:redo'
  | 'project:recover'
  | 'project:discardRecovery'
  | 'project:relink';

/** What a new project starts with when the request leaves it out (Settings ▸ General defaults). */
export type NewProjectDefaultsSource = () => Promise<{
  rate: { num: number; den: number };
  width: number;
  height: number;
  sampleRate: number;
}>;

/** The `project:*` handlers over one ProjectService. */
export function projectHandlers(
  service: ProjectService,
  locations: Omit<LocationDeps, 'isRecent'>,
  defaults?: NewProjectDefaultsSource,
): { [C in ProjectChannel]: Handler<C> } {
  const deps: LocationDeps = { ...locations, isRecent: (folder) => service.isRecent(folder) };
  return {
    'project:new': async (request, context) => {
      const folder = await resolveLocation(request.location, 'newProject', context, deps);
      const fallback = defaults ? await defaults() : null;
      const rate = request.rate ?? fallback?.rate;
      const width = request.width ?? fallback?.width;
      const height = request.height ?? fallback?.height;
      return service.create(folder, {
        name: request.name,
        ...(rate ? { rate } : {}),
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
        ...(fallback ? { sampleRate: fallback.sampleRate } : {}),
      });
    },
    'project:open': async (request, context) =>
      service.open(
        await resolveLocation(request.location, 'openProject', context, deps),
        request.takeOverLock,
      ),
    'project:save': () => service.save(),
    'project:saveAs': async (request, context) =>
      service.saveAs(await resolveLocation(request.location, 'saveProjectAs', context, deps)),
    'project:close': async (request) => ({ closed: await service.close(request.discardChanges) }),
    'project:recent': () => service.recent(),
    'project:get': () => service.snapshot(),
    'project:edit': (request) => service.edit(request.command, request.coalesceKey),
    'project:editBatch': (request) => service.editBatch(request.commands, request.coalesceKey, request.label),
    'project:undo': () => service.undo(),
    'project:redo': () => service.redo(),
    'project:recover': () => service.recover(),
    'project:discardRecovery': async () => ({ discarded: await service.discardRecovery() }),
    'project:relink': async (request, context) => {
      const searchIn = request.searchIn;
      const folder =
        searchIn.kind === 'projectFolder'
          ? service.current().folder
          : await folderFromHost(
              searchIn.kind,
              searchIn.kind === 'path' ? searchIn.folder : undefined,
              'relinkSearch',
              context,
              deps,
            );
      return service.relink(request.assetId, folder);
    },
  };
}
