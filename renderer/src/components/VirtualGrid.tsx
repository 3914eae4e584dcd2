import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { gridWindow, scrollToReveal } from './virtualWindow';

const padding = 8;

/**
 * A keyboard-navigable, virtualised grid (a list when minItemWidth is large): only the rows on
 * screen are in the DOM, so thousands of items scroll smoothly. It is a listbox: arrow keys move
 * the active item, Enter activates it, and the active item is announced by aria-activedescendant.
 */
export function VirtualGrid<T>({
  items,
  getKey,
  renderItem,
  minItemWidth,
  rowHeight,
  gap = 8,
  label,
  activeIndex,
  onActiveIndexChange,
  onActivate,
  onKeyDown,
  testId,
  header,
}: {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, state: { active: boolean; width: number }) => ReactNode;
  minItemWidth: number;
  rowHeight: number;
  gap?: number;
  label: string;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onActivate?: (item: T) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  testId?: string;
  header?: ReactNode;
}) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () =>
      setViewport({ width: scroller.clientWidth - padding * 2, height: scroller.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  const geometry = { itemCount: items.length, width: viewport.width, minItemWidth, rowHeight, gap };
  const view = gridWindow(geometry, scrollTop, viewport.height);
  const columns = view.columns;

  const reveal = useCallback(
    (index: number) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const next = scrollToReveal(
        index,
        columns,
        rowHeight,
        gap,
        scroller.scrollTop,
        scroller.clientHeight - padding,
      );
      if (next !== scroller.scrollTop) scroller.scrollTop = next;
    },
    [columns, rowHeight, gap],
  );

  useEffect(() => {
    if (activeIndex >= 0) reveal(activeIndex);
  }, [activeIndex, reveal]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || items.length === 0) return;
    const current = Math.max(0, activeIndex);
    const pageRows = Math.max(1, Math.floor(viewport.height / (rowHeight + gap)));
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      PageDown: columns * pageRows,
      PageUp: -columns * pageRows,
    };
    let next: number | null = null;
    if (event.key in moves) next = current + (moves[event.key] ?? 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Enter' && activeIndex >= 0) {
      const item = items[activeIndex];
      if (item !== undefined) onActivate?.(item);
      event.preventDefault();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    onActiveIndexChange(Math.max(0, Math.min(items.length - 1, next)));
  };

  const activeItem = activeIndex >= 0 ? items[activeIndex] : undefined;
  const visibleIndexes = Array.from(
    { length: view.endIndex - view.startIndex },
    (_, i) => view.startIndex + i,
  );
  const rendered = visibleIndexes.map((index) => {
    const item = items[index] as T;
    const row = Math.floor(index / columns);
    const column = index % columns;
    const key = getKey(item);
    return (
      <div
        key={key}
        id={`vg-${key}`}
        role="option"
        aria-selected={index === activeIndex}
        aria-posinset={index + 1}
        aria-setsize={items.length}
        className={index === activeIndex ? 'vgrid-cell is-active' : 'vgrid-cell'}
        style={{
          position: 'absolute',
          top: row * (rowHeight + gap),
          left: column * (view.itemWidth + gap),
          width: view.itemWidth,
          height: rowHeight,
        }}
        onMouseDown={() => onActiveIndexChange(index)}
        onDoubleClick={() => onActivate?.(item)}
      >
        {renderItem(item, { active: index === activeIndex, width: view.itemWidth })}
      </div>
    );
  });

  return (
    <div className="vgrid-frame">
      {header}
      <div
        ref={scrollerRef}
        className="vgrid-scroller"
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={activeItem !== undefined ? `vg-${getKey(activeItem)}` : undefined}
        onScroll={(event) => {
          // Re-render only when another row reaches the top: cells are placed absolutely, so
          // scrolling within a row needs no React work at all.
          const stride = rowHeight + gap;
          const top = Math.floor(event.currentTarget.scrollTop / stride) * stride;
          if (top !== scrollTop) setScrollTop(top);
        }}
        onKeyDown={handleKeyDown}
        data-testid={testId}
        style={{ padding }}
      >
        <div className="vgrid-content" style={{ position: 'relative', height: view.totalHeight }}>
          {rendered}
        </div>
      </div>
    </div>
  );
}
