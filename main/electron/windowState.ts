/** Where the main window was and how big, as remembered between launches. */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest window the editor lays out in (kept in step with windowOptions.ts). */
export const minimumWindowSize = { width: 1024, height: 640 } as const;

/** How much of the title bar must be on a screen for the window to count as reachable. */
const reachableMargin = 64;

function isFiniteInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value);
}

/** Accepts only a well-formed saved state: anything else (old, hand-edited, corrupt) is ignored. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  const { x, y, width, height, maximized } = state;
  if (!isFiniteInteger(x) || !isFiniteInteger(y) || !isFiniteInteger(width) || !isFiniteInteger(height)) {
    return null;
  }
  if (typeof maximized !== 'boolean' || width <= 0 || height <= 0) return null;
  return { x, y, width, height, maximized };
}

function overlap(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The bounds to open the window with: the saved ones when the window's top strip (its title bar)
 * is still reachable on one of today's screens, clamped to that screen's work area; otherwise null,
 * and the window opens centred at its default size. Covers an unplugged monitor, a lowered
 * resolution and a state saved on another machine.
 */
export function restoreWindowBounds(saved: WindowState | null, workAreas: Rectangle[]): Rectangle | null {
  if (!saved) return null;
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: reachableMargin };
  for (const area of workAreas) {
    const visible = overlap(titleBar, area);
    if (!visible || visible.width < reachableMargin || visible.height < reachableMargin / 2) continue;
    const width = Math.max(minimumWindowSize.width, Math.min(saved.width, area.width));
    const height = Math.max(minimumWindowSize.height, Math.min(saved.height, area.height));
    const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
    const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
    return { x, y, width, height };
  }
  return null;
}
