import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { BinaryInfo } from '../../common/contract';

export type BinaryName = 'ffmpeg' | 'ffprobe';

export interface BinaryLookup {
  /** A path the user chose in settings; wins over everything else. */
  settingPath?: string | null;
  /** The environment to read FFMPEG_PATH / FFPROBE_PATH / PATH from. */
  env?: NodeJS.ProcessEnv;
  /** Folder with binaries shipped inside the app (unpacked from the asar), if any. */
  bundledDir?: string | null;
  platform?: NodeJS.Platform;
}

const envNames: Record<BinaryName, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' };

const howToFix =
  'Install FFmpeg 4.3 or newer (Debian/Ubuntu: "sudo apt-get install ffmpeg"; macOS: "brew install ffmpeg"; ' +
  'Windows: "winget install ffmpeg"), or set its path in Settings or in FFMPEG_PATH / FFPROBE_PATH.';

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(path: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, args, { timeout: 10_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

/** Candidates in the order the issue fixes: setting, environment, bundled, system PATH. */
function candidates(
  name: BinaryName,
  lookup: BinaryLookup,
): Array<{ path: string; source: BinaryInfo['source'] }> {
  const env = lookup.env ?? process.env;
  const exe = (lookup.platform ?? process.platform) === 'win32' ? `${name}.exe` : name;
  const list: Array<{ path: string; source: BinaryInfo['source'] }> = [];
  if (lookup.settingPath) list.push({ path: lookup.settingPath, source: 'setting' });
  const fromEnv = env[envNames[name]];
  if (fromEnv) list.push({ path: fromEnv, source: 'environment' });
  if (lookup.bundledDir) list.push({ path: join(lookup.bundledDir, exe), source: 'bundled' });
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    list.push({ path: join(dir, exe), source: 'system' });
  }
  return list;
}

/** Parses "ffmpeg version 5.1.6-0+deb12u1 Copyright…" into "5.1.6-0+deb12u1". */
export function parseVersion(banner: string): string | null {
  const match = /^(?:ffmpeg|ffprobe) version (\S+)/m.exec(banner);
  return match?.[1] ?? null;
}

/**
 * Finds one binary. The first candidate that exists is the one used (a broken setting is reported,
 * not silently skipped); ffmpeg must offer the xfade filter (FFmpeg 4.3+).
 */
export async function resolveBinary(name: BinaryName, lookup: BinaryLookup = {}): Promise<BinaryInfo> {
  for (const candidate of candidates(name, lookup)) {
    if (!(await isExecutable(candidate.path))) {
      if (candidate.source === 'setting' || candidate.source === 'environment') {
        return {
          path: candidate.path,
          source: candidate.source,
          version: null,
          problem: {
            code: 'FFMPEG_MISSING',
            message: `${name} was set to ${candidate.path} (${candidate.source}) but no program is there. ${howToFix}`,
          },
        };
      }
      continue;
    }
    let version: string | null;
    try {
      version = parseVersion(await run(candidate.path, ['-hide_banner', '-version']));
    } catch (error) {
      return {
        path: candidate.path,
        source: candidate.source,
        version: null,
        problem: {
          code: 'FFMPEG_MISSING',
          message: `${name} at ${candidate.path} did not run (${(error as Error).message}). ${howToFix}`,
        },
      };
    }
    if (name === 'ffmpeg') {
      const filters = await run(candidate.path, ['-hide_banner', '-filters']).catch(() => '');
      if (!/\bxfade\b/.test(filters)) {
        return {
          path: candidate.path,
          source: candidate.source,
          version,
          problem: {
            code: 'FFMPEG_TOO_OLD',
            message: `ffmpeg ${version ?? ''} at ${candidate.path} has no xfade filter, which transitions need. ${howToFix}`,
          },
        };
      }
    }
    return { path: candidate.path, source: candidate.source, version, problem: null };
  }
  return {
    path: null,
    source: null,
    version: null,
    problem: { code: 'FFMPEG_MISSING', message: `${name} was not found. ${howToFix}` },
  };
}
