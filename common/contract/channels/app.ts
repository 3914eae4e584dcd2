import { z } from 'zod';
import { channel } from '../define';

export type HostKind = 'electron' | 'web' | 'cli';

/** One of ffmpeg / ffprobe as the core resolved it. */
export interface BinaryInfo {
  /** Where it was found, or null when it was not. */
  path: string | null;
  /** How it was found. */
  source: 'setting' | 'environment' | 'bundled' | 'system' | null;
  version: string | null;
  /** Why it cannot be used, with how to fix it; null when it is usable. */
  problem: { code: 'FFMPEG_MISSING' | 'FFMPEG_TOO_OLD'; message: string } | null;
}

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  platform: string;
  arch: string;
  versions: { node: string; electron: string | null; chrome: string | null; v8: string };
  ffmpeg: BinaryInfo;
  ffprobe: BinaryInfo;
  dataDir: string;
}

export const appChannels = {
  'app:info': channel(z.object({}).strict()).returns<AppInfo>(),
};
