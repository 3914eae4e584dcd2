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

/**
 * The only pages the app opens in the system browser: the providers' key and billing pages. The
 * renderer names a link by id; the URL never comes from the renderer, a provider or a project.
 */
export const externalLinks = {
  'runway.portal': 'https://dev.runwayml.com/',
  'google.keys': 'https://aistudio.google.com/apikey',
  'google.billing': 'https://ai.google.dev/gemini-api/docs/billing',
  'openai.keys': 'https://platform.openai.com/api-keys',
  'openai.billing': 'https://platform.openai.com/settings/organization/billing/overview',
  'luma.keys': 'https://lumalabs.ai/api/keys',
  'luma.billing': 'https://lumalabs.ai/api/billing',
  'fal.keys': 'https://fal.ai/dashboard/keys',
  'fal.billing': 'https://fal.ai/dashboard/billing',
  'replicate.keys': 'https://replicate.com/account/api-tokens',
  'replicate.billing': 'https://replicate.com/account/billing',
  'cometapi.keys': 'https://api.cometapi.com/console/token',
  'cometapi.billing': 'https://api.cometapi.com/console/topup',
} as const;
export type ExternalLinkId = keyof typeof externalLinks;
const externalLinkIds = Object.keys(externalLinks) as [ExternalLinkId, ...ExternalLinkId[]];

export const appChannels = {
  'app:info': channel(z.object({}).strict()).returns<AppInfo>(),
  /** Opens one allow-listed link in the system browser; hosts without one answer NOT_AVAILABLE_IN_HOST. */
  'app:openExternal': channel(z.object({ link: z.enum(externalLinkIds) }).strict()).returns<{
    url: string;
  }>(),
};
