import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** The part of a file one Range request asks for (inclusive end), as RFC 9110 reads it. */
export type ByteRange = { start: number; end: number };

/**
 * Parses a Range header against a file size. null: serve the whole file (no header, another unit,
 * several ranges or bad syntax, which RFC 9110 lets a server ignore); 'unsatisfiable': 416.
 */
export function parseRange(
  header: string | undefined | null,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}

/** What to answer for a media file: status, headers and (for GET) the bytes to send. */
export interface MediaAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/**
 * The answer for one GET/HEAD of a file, shared by the browser host route and the Electron
 * protocol: 206 with Content-Range for a satisfiable range (so `<video>` can seek), 416 for an
 * unsatisfiable one, 200 for the whole file; always Accept-Ranges and the right Content-Type.
 */
export function answerFile(
  file: { path: string; size: number; contentType: string },
  rangeHeader: string | undefined | null,
  method: string,
): MediaAnswer {
  const common = {
    'Accept-Ranges': 'bytes',
    'Content-Type': file.contentType,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader, file.size);
  if (range === 'unsatisfiable')
    return {
      status: 416,
      headers: { ...common, 'Content-Range': `bytes */${file.size}`, 'Content-Length': '0' },
      body: null,
    };
  const head = method === 'HEAD';
  if (range === null) {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(file.size) },
      body: head || file.size === 0 ? null : createReadStream(file.path),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
    body: head ? null : createReadStream(file.path, { start: range.start, end: range.end }),
  };
}
