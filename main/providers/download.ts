import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { AppError } from '../../common/contract';
import { classifyHttpError, ProviderError, isAbort } from './errors';
import type { DownloadResult } from './types';

export interface StreamDownloadOptions {
  url: string;
  destinationFile: string;
  signal: AbortSignal;
  /** Provider name for messages. */
  provider: string;
  /** Extra request headers (a provider that wants its key on downloads: Gemini files, OpenAI content). */
  headers?: Record<string, string>;
  /** Secrets to scrub from error details. */
  secrets?: ReadonlyArray<string | null | undefined>;
  /** Abort when no byte arrives for this long. */
  idleTimeoutMs?: number;
  /** Continue a partial destination file with a Range request when the server allows it. */
  resume?: boolean;
  fetchImpl?: typeof fetch;
}

/**
 * Streams a URL to a file with back-pressure (memory stays flat for any size), an idle timeout and
 * a size check against Content-Length. 403/404/410 → PROVIDER_OUTPUT_EXPIRED (poll again for a fresh
 * link); a cut transfer → PROVIDER_UNAVAILABLE, retryable, the partial file kept for a Range resume.
 */
export async function streamDownload(options: StreamDownloadOptions): Promise<DownloadResult> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal.reason);
  if (options.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
  options.signal.addEventListener('abort', onAbort, { once: true });

  let idleTimer: NodeJS.Timeout | null = null;
  let idleExpired = false;
  const armIdle = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleExpired = true;
      controller.abort(new Error('idle timeout'));
    }, idleTimeoutMs);
  };

  let existing = 0;
  if (options.resume)
    existing = await stat(options.destinationFile).then(
      (info) => info.size,
      () => 0,
    );
  const headers: Record<string, string> = { ...options.headers };
  if (existing > 0) headers.Range = `bytes=${existing}-`;

  try {
    armIdle();
    const response = await (options.fetchImpl ?? fetch)(options.url, {
      headers,
      signal: controller.signal,
      redirect: 'follow',
    });
    if (response.status === 416 && existing > 0) {
      // The partial file already holds everything the server has.
      await response.body?.cancel();
      return { bytes: existing, contentType: response.headers.get('content-type') };
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw classifyHttpError({
        status: response.status,
        headers: response.headers,
        body: text.slice(0, 300),
        phase: 'download',
        provider: options.provider,
        secrets: options.secrets,
      });
    }
    const appending = existing > 0 && response.status === 206;
    const offset = appending ? existing : 0;
    const lengthHeader = response.headers.get('content-length');
    const expected =
      lengthHeader !== null && /^\d+$/.test(lengthHeader) ? offset + Number(lengthHeader) : null;
    if (!response.body)
      throw new ProviderError('PROVIDER_FAILED', `${options.provider} sent an empty download.`, {
        retryable: true,
      });

    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        armIdle();
        callback(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>),
      counter,
      createWriteStream(options.destinationFile, { flags: appending ? 'a' : 'w' }),
    );
    const total = offset + received;
    if (expected !== null && total !== expected) {
      throw new ProviderError(
        'PROVIDER_UNAVAILABLE',
        `The ${options.provider} download ended early (${total} of ${expected} bytes); trying again.`,
        { retryable: true },
      );
    }
    return { bytes: total, contentType: response.headers.get('content-type') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (options.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
    if (isAbort(error) && !idleExpired) throw new AppError('CANCELLED', 'Cancelled.');
    const message = error instanceof Error ? error.message : String(error);
    throw new ProviderError(
      'PROVIDER_UNAVAILABLE',
      idleExpired
        ? `The ${options.provider} download stalled; trying again.`
        : `The ${options.provider} download was cut; trying again.`,
      { retryable: true },
      message,
    );
  } finally {
    if (idleTimer) clearTimeout(idleTimer);
    options.signal.removeEventListener('abort', onAbort);
  }
}
