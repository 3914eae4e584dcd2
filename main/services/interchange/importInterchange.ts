import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../../common/contract';
import type {
  InterchangeFormat,
  InterchangeImportResult,
} from '../../../common/contract/channels/interchange';
import { buildSequence } from '../../../common/interchange/buildSequence';
import { importEdl } from '../../../common/interchange/edl/importEdl';
import { importFcpxml } from '../../../common/interchange/fcpxml/importFcpxml';
import type { ImportedClip, ImportedTimeline } from '../../../common/interchange/importedTimeline';
import { importOtio } from '../../../common/interchange/otio/importOtio';
import type { Asset } from '../../../common/model';
import type { OpenProject } from '../project/projectAccess';

/** Imports media files (linked in place) and answers their assets, by path. */
export type LinkFiles = (paths: string[]) => Promise<Map<string, Asset>>;

export interface ImportOptions {
  format: InterchangeFormat;
  /** The folder the interchange file lives in, for relative media paths (CLI); null for uploads. */
  baseFolder: string | null;
  /** Where to look for media by file name when its path does not exist. */
  searchFolder: string | null;
  linkFiles: LinkFiles;
}

export function parseInterchange(
  text: string,
  format: InterchangeFormat,
  project: OpenProject,
): ImportedTimeline {
  if (format === 'otio') return importOtio(text);
  if (format === 'fcpxml') return importFcpxml(text);
  return importEdl(text, project.document.settings.defaultRate);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** Every file below a folder by lower-cased name (bounded, so a huge folder cannot stall an import). */
async function filesByName(folder: string, limit = 20_000): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const pending = [folder];
  while (pending.length > 0 && found.size < limit) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) pending.push(full);
      else if (entry.isFile() && !found.has(entry.name.toLowerCase()))
        found.set(entry.name.toLowerCase(), full);
    }
  }
  return found;
}

function clipsOf(timeline: ImportedTimeline): ImportedClip[] {
  return [...timeline.videoTracks, ...timeline.audioTracks].flatMap((track) =>
    track.items.filter((item): item is ImportedClip => item.type === 'clip'),
  );
}

/**
 * Reads an interchange file into a new sequence of the open project: media already in the project is
 * linked by path; other files that exist (at their path, relative to the file, or by name in the
 * search folder) are imported linked in place; the rest become gaps, reported precisely.
 */
export async function importInterchange(
  project: OpenProject,
  text: string,
  options: ImportOptions,
): Promise<InterchangeImportResult> {
  const timeline = parseInterchange(text, options.format, project);
  const byPath = new Map<string, Asset>();
  for (const asset of Object.values(project.document.assets))
    byPath.set(resolve(project.resolvePath(asset.path)), asset);

  const wanted = [
    ...new Set(
      clipsOf(timeline)
        .map((clip) => clip.mediaPath)
        .filter((path): path is string => path !== null),
    ),
  ];
  const located = new Map<string, string>();
  const byName = options.searchFolder ? await filesByName(options.searchFolder) : new Map<string, string>();
  for (const mediaPath of wanted) {
    const candidates = isAbsolute(mediaPath)
      ? [mediaPath]
      : options.baseFolder
        ? [resolve(options.baseFolder, mediaPath)]
        : [];
    let found: string | null = null;
    for (const candidate of candidates)
      if (byPath.has(resolve(candidate)) || (await isFile(candidate))) found = resolve(candidate);
    found ??= byName.get(basename(mediaPath.replace(/\\/g, '/')).toLowerCase()) ?? null;
    if (found) located.set(mediaPath, found);
  }
  const toImport = [...new Set([...located.values()].filter((path) => !byPath.has(path)))];
  const imported = toImport.length > 0 ? await options.linkFiles(toImport) : new Map<string, Asset>();
  for (const [path, asset] of imported) byPath.set(resolve(path), asset);

  let linkedClips = 0;
  let missingClips = 0;
  const resolveAsset = (clip: ImportedClip): Asset | null => {
    const path = clip.mediaPath ? located.get(clip.mediaPath) : undefined;
    const asset = path ? (byPath.get(path) ?? null) : null;
    if (asset) linkedClips += 1;
    else missingClips += 1;
    return asset;
  };
  let result: ReturnType<typeof buildSequence> | null = null;
  project.update((document) => {
    // Assets imported above are in the document now; build against it.
    result = buildSequence(document, timeline, resolveAsset);
    const { sequence } = result;
    return {
      ...document,
      sequences: { ...document.sequences, [sequence.id]: sequence },
      sequenceOrder: [...document.sequenceOrder, sequence.id],
    };
  }, `Import ${options.format.toUpperCase()} timeline`);
  if (!result) throw new AppError('INTERNAL', 'The timeline was not added.');
  const built = result as ReturnType<typeof buildSequence>;
  return {
    sequenceId: built.sequence.id,
    sequenceName: built.sequence.name,
    linkedClips,
    importedFiles: imported.size,
    missingClips,
    notCarried: built.notCarried,
  };
}
