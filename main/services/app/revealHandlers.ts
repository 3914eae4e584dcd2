import { stat } from 'node:fs/promises';
import { AppError, type RenderRecord } from '../../../common/contract';
import type { Handler } from '../../core/handlers';
import type { ProjectAccess } from '../project/projectAccess';

/** Shows a file selected in the system file manager (Electron: shell.showItemInFolder). */
export type RevealPath = (absolutePath: string) => void | Promise<void>;

export interface RevealDeps {
  projects: ProjectAccess;
  /** The last exports (render:list). */
  exports: () => Promise<RenderRecord[]>;
  /** Hosts without a file manager to show leave it out. */
  revealPath?: RevealPath | undefined;
}

function requireReveal(revealPath: RevealPath | undefined): RevealPath {
  if (!revealPath) {
    throw new AppError('NOT_AVAILABLE_IN_HOST', 'Showing files in the file manager needs the desktop app.');
  }
  return revealPath;
}

async function revealExisting(
  revealPath: RevealPath,
  path: string,
  what: string,
): Promise<{ revealed: true }> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AppError('FILE_NOT_FOUND', `${what} is no longer at ${path}.`);
  await revealPath(path);
  return { revealed: true };
}

/** `app:revealAsset` and `app:revealExport`: paths come from the document or the export list, never the window. */
export function revealHandlers(deps: RevealDeps): {
  'app:revealAsset': Handler<'app:revealAsset'>;
  'app:revealExport': Handler<'app:revealExport'>;
} {
  return {
    'app:revealAsset': async (request) => {
      const reveal = requireReveal(deps.revealPath);
      const project = deps.projects.current();
      const asset = project.document.assets[request.assetId];
      if (!asset) throw new AppError('NOT_FOUND', `There is no asset ${request.assetId} in this project.`);
      return revealExisting(reveal, project.resolvePath(asset.path), `"${asset.name}"`);
    },
    'app:revealExport': async (request) => {
      const reveal = requireReveal(deps.revealPath);
      const record = (await deps.exports()).find((entry) => entry.jobId === request.jobId);
      if (!record?.ok) throw new AppError('NOT_FOUND', `There is no finished export ${request.jobId}.`);
      return revealExisting(reveal, record.outputPath, 'The export');
    },
  };
}
