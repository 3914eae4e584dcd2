import { describe, expect, it } from 'vitest';
import { columnsFor, gridWindow, scrollToReveal } from '../../../renderer/src/components/virtualWindow';

describe('virtual grid window', () => {
  it('fits as many columns as the minimum width allows', () => {
    expect(columnsFor(500, 150, 8)).toBe(3);
    expect(columnsFor(100, 150, 8)).toBe(1);
    expect(columnsFor(0, 150, 8)).toBe(1);
  });

  it('renders only the rows on screen plus overscan, for 2,000 items', () => {
    const geometry = { itemCount: 2000, width: 482, minItemWidth: 150, rowHeight: 120, gap: 8 };
    const top = gridWindow(geometry, 0, 600, 2);
    expect(top.columns).toBe(3);
    expect(top.rows).toBe(667);
    expect(top.totalHeight).toBe(667 * 128 - 8);
    expect(top.startIndex).toBe(0);
    expect(top.endIndex).toBe((Math.ceil(600 / 128) + 2) * 3);
    const middle = gridWindow(geometry, 128 * 300, 600, 2);
    expect(middle.startIndex).toBe(298 * 3);
    expect(middle.endIndex - middle.startIndex).toBeLessThan(40);
    const bottom = gridWindow(geometry, top.totalHeight - 600, 600, 2);
    expect(bottom.endIndex).toBe(2000);
  });

  it('scrolls just enough to reveal an item', () => {
    expect(scrollToReveal(0, 3, 100, 10, 500, 300)).toBe(0);
    expect(scrollToReveal(30, 3, 100, 10, 0, 300)).toBe(10 * 110 + 100 - 300);
    expect(scrollToReveal(9, 3, 100, 10, 300, 300)).toBe(300);
  });
});
