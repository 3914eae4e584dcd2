import { describe, expect, it } from 'vitest';
import { parseTagsText } from '../../../renderer/src/features/bin/useAssetProperties';
import { dollarsToCents } from '../../../renderer/src/features/settings/BudgetForm';

describe('text the bin and settings fields read', () => {
  it('reads tags separated by commas, dropping blanks', () => {
    expect(parseTagsText(' hero, night ,, ')).toEqual(['hero', 'night']);
    expect(parseTagsText('')).toEqual([]);
  });

  it('reads dollars to whole cents and refuses anything else', () => {
    expect(dollarsToCents('25')).toBe(2500);
    expect(dollarsToCents(' 25.5 ')).toBe(2550);
    expect(dollarsToCents('0.07')).toBe(7);
    for (const bad of ['-1', '1.999', 'abc', '1e3', '']) expect(dollarsToCents(bad), bad).toBeNull();
  });
});
