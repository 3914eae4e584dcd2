import { extname } from 'node:path';
import { AppError } from '../../../common/contract';
import type { InterchangeFormat } from '../../../common/contract/channels/interchange';

export const formatExtensions: Record<InterchangeFormat, string> = {
  otio: '.otio',
  fcpxml: '.fcpxml',
  edl: '.edl',
};

/** The format a file name says it holds (.otio, .fcpxml or .xml, .edl). */
export function formatFromFileName(fileName: string): InterchangeFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.otio') return 'otio';
  if (extension === '.fcpxml' || extension === '.xml') return 'fcpxml';
  if (extension === '.edl') return 'edl';
  throw new AppError('INTERCHANGE_INVALID', `"${fileName}" is not an .otio, .fcpxml or .edl file.`);
}
