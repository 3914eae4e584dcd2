import type { ServerResponse } from 'node:http';
import { streamBytes, type RecordedRequest } from './fakeServerBase';

/**
 * What a fake serves as a finished output: a real file's bytes when one is set (so the job engine's
 * ffprobe check passes), else `bytes` of filler; optionally cut mid-way. Honours `Range: bytes=N-`.
 */
export interface FakeContent {
  /** A real media file's bytes, or null for filler. */
  file: Buffer | null;
  /** Filler size when `file` is null. */
  bytes: number;
  /** Destroy the socket after this many bytes. */
  cutAfter: number | null;
}

export function serveContent(
  response: ServerResponse,
  request: RecordedRequest,
  content: FakeContent,
  contentType = 'video/mp4',
): void {
  const file = content.file;
  streamBytes(
    response,
    {
      totalBytes: file ? file.length : content.bytes,
      contentType,
      request,
      ...(content.cutAfter !== null ? { cutAfterBytes: content.cutAfter } : {}),
    },
    file ? (offset, length) => file.subarray(offset, offset + length) : undefined,
  );
}
