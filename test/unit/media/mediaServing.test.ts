import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/contract';
import { parseRange } from '../../../main/services/media/byteRange';
import { mediaContentType } from '../../../common/media/mediaTypes';
import { copiedFileName, safeFileName } from '../../../main/services/media/mediaFiles';
import { parseVariant, statusForError } from '../../../main/services/media/mediaResolver';
import { filmstripFrames, jpegSize } from '../../../main/services/media/thumbnails';
import { splitMediaPath } from '../../../main/web/mediaRoute';

describe('media serving helpers', () => {
  it('reads Range headers the way RFC 9110 says', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-200', 1000)).toEqual({ start: 800, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-9', 1000)).toBeNull();
    expect(parseRange('bytes=9-1', 1000)).toBeNull();
  });

  it('parses media URL variants and refuses unknown ones', () => {
    const none = new URLSearchParams();
    expect(parseVariant('', none)).toEqual({ kind: 'original' });
    expect(parseVariant('thumbnail', none)).toEqual({ kind: 'thumbnail' });
    expect(parseVariant('', new URLSearchParams('thumb=1'))).toEqual({ kind: 'thumbnail' });
    expect(parseVariant('filmstrip/12x54', none)).toEqual({ kind: 'filmstrip', frames: 12, frameHeight: 54 });
    expect(() => parseVariant('filmstrip/99x54', none)).toThrow(AppError);
    expect(() => parseVariant('../../etc/passwd', none)).toThrow(AppError);
    expect(splitMediaPath('/media/ast_1/thumbnail')).toEqual({ assetId: 'ast_1', rest: 'thumbnail' });
    expect(splitMediaPath('/media/%E0%A4%A')).toEqual({ assetId: '', rest: '' });
    expect(splitMediaPath('/other')).toBeNull();
    expect(statusForError(new AppError('FORBIDDEN', 'x'))).toBe(403);
    expect(statusForError(new AppError('MEDIA_MISSING', 'x'))).toBe(404);
    expect(statusForError(new Error('x'))).toBe(500);
  });

  it('names files safely and knows media types', () => {
    expect(safeFileName('a/b\\c:d*e?.mp4')).toBe('a_b_c_d_e_.mp4');
    expect(safeFileName('-rf .mp4')).toBe('rf .mp4');
    expect(safeFileName('\u0001\u0002')).toBe('__');
    expect(safeFileName('')).toBe('media');
    expect(copiedFileName('0123456789abcdef'.repeat(4), 'it’s ünï.mov')).toBe('0123456789ab-it’s ünï.mov');
    expect(mediaContentType('/x/a.MP4')).toBe('video/mp4');
    expect(mediaContentType('/etc/passwd')).toBeNull();
  });

  it('spreads filmstrip frames evenly and reads JPEG sizes', () => {
    expect(filmstripFrames(120, 10)).toEqual([0, 12, 24, 36, 48, 60, 72, 84, 96, 108]);
    expect(filmstripFrames(3, 10)).toEqual([0, 1, 2]);
    const sof = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 180, 1, 64, 3, 0, 0, 0,
    ]);
    expect(jpegSize(sof)).toEqual({ width: 320, height: 180 });
    expect(jpegSize(Uint8Array.from([1, 2, 3]))).toBeNull();
  });
});
