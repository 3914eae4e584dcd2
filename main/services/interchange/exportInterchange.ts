import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { AppError } from '../../../common/contract';
import type {
  InterchangeExportResult,
  InterchangeFormat,
} from '../../../common/contract/channels/interchange';
import { exportEdl } from '../../../common/interchange/edl/exportEdl';
import { exportFcpxml } from '../../../common/interchange/fcpxml/exportFcpxml';
import { fileUrl, type MediaLocator } from '../../../common/interchange/mediaReference';
import { exportOtio } from '../../../common/interchange/otio/exportOtio';
import { writeFileAtomic } from '../../fs/atomicWrite';
import type { OpenProject } from '../project/projectAccess';
import { formatExtensions } from './interchangeFormats';

export interface ExportRequest {
  sequenceId: string;
  format: InterchangeFormat;
  mediaPaths: 'absolute' | 'relative';
  /** Absolute path of the file to write. */
  outputPath: string;
}

/** The default output: exports/<name><extension> in the project folder. */
export function defaultExportPath(
  project: OpenProject,
  sequenceId: string,
  format: InterchangeFormat,
  fileName?: string,
): string {
  const sequenceName = project.document.sequences[sequenceId]?.name ?? 'Sequence';
  const base = (fileName ?? sequenceName).replace(/[/\\:*?"<>|]/g, '_');
  const withExtension = base.toLowerCase().endsWith(formatExtensions[format])
    ? base
    : `${base}${formatExtensions[format]}`;
  return join(project.folder, 'exports', withExtension);
}

function locator(project: OpenProject, request: ExportRequest): MediaLocator {
  return (asset) => {
    const absolute = project.resolvePath(asset.path);
    if (request.mediaPaths === 'absolute') return request.format === 'edl' ? absolute : fileUrl(absolute);
    const fromFile = relative(dirname(request.outputPath), absolute).split(sep).join('/');
    return request.format === 'edl' ? fromFile : fromFile.split('/').map(encodeURIComponent).join('/');
  };
}

/** Writes one sequence of the open project as OTIO, FCPXML or EDL (atomically). */
export async function exportInterchange(
  project: OpenProject,
  request: ExportRequest,
): Promise<InterchangeExportResult> {
  const document = project.document;
  if (!document.sequences[request.sequenceId])
    throw new AppError('NOT_FOUND', `There is no sequence ${request.sequenceId} in this project.`);
  const locate = locator(project, request);
  const notCarried: string[] = [];
  let text: string;
  if (request.format === 'otio') text = exportOtio(document, request.sequenceId, locate);
  else if (request.format === 'fcpxml') {
    text = exportFcpxml(document, request.sequenceId, locate);
    if (document.sequences[request.sequenceId]!.markers.length > 0)
      notCarried.push('marker colours (FCPXML markers have none)');
  } else {
    const edl = exportEdl(document, request.sequenceId, locate);
    text = edl.text;
    notCarried.push(...edl.notCarried);
  }
  await mkdir(dirname(request.outputPath), { recursive: true });
  try {
    await writeFileAtomic(request.outputPath, text, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', 'The disk is full: the file was not written.');
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('PERMISSION_DENIED', `Shotloom may not write ${request.outputPath}.`);
    throw error;
  }
  return {
    format: request.format,
    outputPath: request.outputPath,
    bytes: (await stat(request.outputPath)).size,
    notCarried,
  };
}
