import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileNameSchema, toExportFileName } from '../../../common/contract/channels/render';

describe('export file names', () => {
  it('turns any text into a name the contract accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(exportFileNameSchema.safeParse(toExportFileName(text)).success).toBe(true);
      }),
    );
    expect(toExportFileName('Cut 2: night/day\u0007')).toBe('Cut 2- night-day-');
    expect(toExportFileName(' ..hidden')).toBe('hidden');
    expect(toExportFileName('...')).toBe('Export');
    expect(exportFileNameSchema.safeParse('a\u0001b').success).toBe(false);
  });
});
