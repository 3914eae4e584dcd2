/**
 * The pure arithmetic of a virtualised grid: which rows are on screen for a scroll position.
 * A list is a grid with one column. Kept apart from React so it can be unit-tested.
 */
export interface GridGeometry {
  itemCount: number;
  /** Width available to the items (the scroller's client width minus padding). */
  width: number;
  /** The smallest an item may be; the columns stretch to fill the width. */
  minItemWidth: number;
  rowHeight: number;
  gap: number;
}

export interface GridWindow {
  columns: number;
  rows: number;
  itemWidth: number;
  totalHeight: number;
  /** Index of the first and one past the last item to render. */
  startIndex: number;
  endIndex: number;
}

export function columnsFor(width: number, minItemWidth: number, gap: number): number {
  if (width <= 0) return 1;
  return Math.max(1, Math.floor((width + gap) / (minItemWidth + gap)));
}

export function gridWindow(
  geometry: GridGeometry,
  scrollTop: number,
  viewportHeight: number,
  overscanRows = 2,
): GridWindow {
  const { itemCount, width, minItemWidth, rowHeight, gap } = geometry;
  const columns = columnsFor(width, minItemWidth, gap);
  const rows = Math.ceil(itemCount / columns);
  const stride = rowHeight + gap;
  const itemWidth = columns === 1 ? Math.max(0, width) : (width - gap * (columns - 1)) / columns;
  const totalHeight = rows === 0 ? 0 : rows * stride - gap;
  const firstRow = Math.max(0, Math.floor(scrollTop / stride) - overscanRows);
  const lastRow = Math.min(rows, Math.ceil((scrollTop + viewportHeight) / stride) + overscanRows);
  return {
    columns,
    rows,
    itemWidth,
    totalHeight,
    startIndex: Math.min(itemCount, firstRow * columns),
    endIndex: Math.min(itemCount, lastRow * columns),
  };
}

/** The scrollTop that brings item `index` fully into view (unchanged when it already is). */
export function scrollToReveal(
  index: number,
  columns: number,
  rowHeight: number,
  gap: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const stride = rowHeight + gap;
  const top = Math.floor(index / columns) * stride;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
