import OpenAI from 'openai';
import { AppError } from '../../../common/contract';
import { streamDownload } from '../download';
import type { AdapterContext, DownloadResult, GenerationOutput } from '../types';

/**
 * What OpenAI-style `/v1/videos` adapters share (OpenAI's own Sora 2, and CometAPI through the same
 * SDK): a client with SDK retries off, content links, and streamed `/content` downloads.
 */

export const openAiDefaultBaseUrl = 'https://api.openai.com/v1';

function requireKey(context: AdapterContext, provider: string): string {
  if (!context.apiKey) throw new AppError('KEY_MISSING', `Add a ${provider} API key in Settings → Keys.`);
  return context.apiKey;
}

/** A client with SDK retries off: the job engine owns every retry (and never repeats a create). */
export function openAiClient(
  context: AdapterContext,
  timeout: number,
  defaultBaseUrl = openAiDefaultBaseUrl,
  provider = 'OpenAI',
): OpenAI {
  return new OpenAI({
    apiKey: requireKey(context, provider),
    baseURL: context.baseUrl ?? defaultBaseUrl,
    maxRetries: 0,
    timeout,
  });
}

/** Where a finished video's bytes are: `/videos/{id}/content?variant=video`. */
export function contentUrl(baseUrl: string, id: string, variant = 'video'): string {
  return `${baseUrl.replace(/\/$/, '')}/videos/${encodeURIComponent(id)}/content?variant=${variant}`;
}

/** The video id and variant back out of a content URL. */
export function parseContentUrl(url: string): { id: string; variant: 'video' | 'thumbnail' | 'spritesheet' } {
  const parsed = new URL(url);
  const match = /\/videos\/([^/]+)\/content$/.exec(parsed.pathname);
  if (!match?.[1]) throw new AppError('INTERNAL', 'Not a video content link.', parsed.pathname);
  const variant = parsed.searchParams.get('variant') ?? 'video';
  if (variant !== 'video' && variant !== 'thumbnail' && variant !== 'spritesheet') {
    throw new AppError('INTERNAL', 'Unknown video content variant.', variant);
  }
  return { id: decodeURIComponent(match[1]), variant };
}

/**
 * Streams `/videos/{id}/content` through the SDK's `downloadContent` (the key goes in its header,
 * never in a URL) into the destination file, with the shared checks (size, stall, cut, expiry).
 */
export async function downloadVideoContent(
  client: OpenAI,
  output: GenerationOutput,
  destinationFile: string,
  context: AdapterContext,
  provider: string,
  classify: (error: unknown) => AppError,
): Promise<DownloadResult> {
  if (output.kind !== 'url') throw new AppError('INTERNAL', `${provider} outputs are links.`);
  const { id, variant } = parseContentUrl(output.url);
  return streamDownload({
    url: output.url,
    destinationFile,
    signal: context.signal,
    provider,
    secrets: [context.apiKey],
    resume: true,
    fetchImpl: async (_url, init) => {
      try {
        return await client.videos.downloadContent(
          id,
          { variant },
          {
            signal: init?.signal ?? context.signal,
            headers: (init?.headers ?? {}) as Record<string, string>,
          },
        );
      } catch (error) {
        throw classify(error);
      }
    },
  });
}
