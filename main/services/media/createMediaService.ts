import { join } from 'node:path';
import type { Binaries } from '../../ffmpeg/binaries';
import type { EventEmit } from '../../core/handlers';
import type { ProjectAccess } from '../project/projectAccess';
import type { ChooseFolder } from '../project/projectLocations';
import type { PickFiles } from './importSources';
import { mediaHandlers } from './mediaHandlers';
import { MediaService } from './mediaService';
import { UploadStore } from './uploadStore';

export interface MediaServiceDeps {
  projects: ProjectAccess;
  binaries: Binaries;
  emit: EventEmit;
  dataDir: string;
  /** Told the ids of video assets just imported or received (edit-ready copies follow). */
  onVideoImported?: (assetIds: string[]) => void;
  /** The host's open-file dialog, when it has one. */
  pickFiles?: PickFiles;
  /** The host's folder dialog, when it has one (folder imports). */
  chooseFolder?: ChooseFolder;
  uploadLimitBytes?: number;
}

/** The media service, the browser host's upload store and the `media:*` handlers, as the core wires them. */
export function createMediaService(deps: MediaServiceDeps) {
  const service = new MediaService({
    projects: deps.projects,
    binaries: deps.binaries,
    emit: deps.emit,
    dataDir: deps.dataDir,
    ...(deps.onVideoImported ? { onVideoImported: deps.onVideoImported } : {}),
  });
  const uploads = new UploadStore(join(deps.dataDir, 'uploads'), deps.uploadLimitBytes);
  const handlers = mediaHandlers({
    media: service,
    uploads,
    dataDir: deps.dataDir,
    ...(deps.pickFiles ? { pickFiles: deps.pickFiles } : {}),
    ...(deps.chooseFolder ? { chooseFolder: deps.chooseFolder } : {}),
  });
  return { service, uploads, handlers };
}
