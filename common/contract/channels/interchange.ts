import { z } from 'zod';
import { channel } from '../define';
import { searchFolderSchema } from './project';
import { exportFileNameSchema } from './render';

export const interchangeFormatSchema = z.enum(['otio', 'fcpxml', 'edl']);
export type InterchangeFormat = z.infer<typeof interchangeFormatSchema>;

export interface InterchangeExportResult {
  format: InterchangeFormat;
  /** Where the file was written (inside the project's exports/ unless the CLI named a path). */
  outputPath: string;
  bytes: number;
  /** What the format could not carry (EDL: one video track; FCPXML: marker colours, …). */
  notCarried: string[];
}

export interface InterchangeImportResult {
  sequenceId: string;
  sequenceName: string;
  /** Clips whose media was already in the project. */
  linkedClips: number;
  /** Media files found on disk (by path or by name in the search folder) and imported, linked in place. */
  importedFiles: number;
  /** Clips whose media was not found: left as gaps, listed in notCarried. */
  missingClips: number;
  /** Everything the file held that did not come over, said precisely. */
  notCarried: string[];
}

export const interchangeChannels = {
  /** Writes the sequence as OTIO, FCPXML or EDL into the project's exports/ folder. */
  'interchange:export': channel(
    z
      .object({
        sequenceId: z.string().min(1),
        format: interchangeFormatSchema,
        mediaPaths: z.enum(['absolute', 'relative']).default('absolute'),
        /** A file name inside exports/ (no folders); defaults to the sequence's name. */
        fileName: exportFileNameSchema.optional(),
      })
      .strict(),
  ).returns<InterchangeExportResult>(),
  /** Reads an OTIO, FCPXML or EDL file's text into a new sequence of the open project. */
  'interchange:import': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        content: z
          .string()
          .min(1)
          .max(32 * 1024 * 1024),
        format: interchangeFormatSchema.optional(),
        /** Where to look for media by name when its path does not exist. */
        searchIn: searchFolderSchema.optional(),
      })
      .strict(),
  ).returns<InterchangeImportResult>(),
};
