import { join } from 'node:path';
import type { HandlerMap } from '../../core/handlers';
import type { ChooseFolder } from '../project/projectLocations';
import { resolveImportSource, listImportFolder, type PickFiles } from './importSources';
import type { MediaService } from './mediaService';
import type { UploadStore } from './uploadStore';

type MediaChannel =
  | 'media:import'
  | 'media:importFolder'
  | 'media:thumbnail'
  | 'media:filmstrip'
  | 'media:peaks'
  | 'media:grabFrame';

export interface MediaHandlerDeps {
  media: MediaService;
  uploads: UploadStore;
  dataDir: string;
  pickFiles?: PickFiles;
  chooseFolder?: ChooseFolder;
}

/** Where the browser host's "import folder" is. */
export function importFolderOf(dataDir: string): string {
  return join(dataDir, 'import');
}

/** The `media:*` handlers, as the core spreads them into its map. */
export function mediaHandlers(deps: MediaHandlerDeps): Pick<HandlerMap, MediaChannel> {
  const importFolder = importFolderOf(deps.dataDir);
  return {
    'media:import': async (request, context) => {
      const { candidates, unavailable } = await resolveImportSource(
        request.source,
        request.storage,
        context,
        {
          uploads: deps.uploads,
          importFolder,
          ...(deps.pickFiles ? { pickFiles: deps.pickFiles } : {}),
          ...(deps.chooseFolder ? { chooseFolder: deps.chooseFolder } : {}),
        },
      );
      const result =
        candidates.length > 0
          ? await deps.media.import(candidates, context.signal)
          : { importId: 'imp_none', imported: [], failed: [], assets: [] };
      return {
        ...result,
        failed: [
          ...result.failed,
          ...unavailable.map(({ name, error }) => ({ name, error: error.toShape() })),
        ],
      };
    },
    'media:importFolder': () => listImportFolder(importFolder),
    'media:thumbnail': (request) => deps.media.thumbnail(request.assetId),
    'media:filmstrip': (request) =>
      deps.media.filmstrip(request.assetId, request.frames, request.frameHeight),
    'media:peaks': (request) =>
      deps.media.peaks(request.assetId, {
        ...(request.bucketsPerSecond !== undefined ? { bucketsPerSecond: request.bucketsPerSecond } : {}),
        ...(request.samplesPerPixel !== undefined ? { samplesPerPixel: request.samplesPerPixel } : {}),
      }),
    'media:grabFrame': (request, context) =>
      deps.media.grabFrame(request.assetId, request.frame, context.signal),
  };
}
