import { basename, resolve } from 'node:path';
import type { Asset } from '../../../common/model';
import type { Binaries } from '../../ffmpeg/binaries';
import { probeMedia } from '../../ffmpeg/ffprobe';
import { importFiles } from '../media/importMedia';
import type { ProjectAccess } from '../project/projectAccess';
import type { LinkFiles } from './importInterchange';

/** Imports files an interchange file names, linked where they lie, through the media pipeline. */
export function linkFilesInPlace(projects: ProjectAccess, binaries: Binaries): LinkFiles {
  return async (paths) => {
    const project = projects.current();
    const ffprobePath = await binaries.ffprobePath();
    const byPath = new Map<string, Asset>();
    // One file per call so each path maps to its asset (duplicates answer the existing asset).
    for (const path of paths) {
      const result = await importFiles([{ path, name: basename(path), storage: 'link' }], {
        project,
        probe: (file, signal) => probeMedia(file, { ffprobePath, ...(signal ? { signal } : {}) }),
      });
      const assetId = result.imported[0]?.assetId;
      const asset = assetId ? projects.current().document.assets[assetId] : undefined;
      if (asset) byPath.set(resolve(path), asset);
    }
    return byPath;
  };
}
