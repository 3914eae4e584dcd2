/** Line icons of the timeline and viewer tools (24×24, stroke = currentColor), drawn as SVG. */
const toolPaths = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'm15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  blade: 'M6 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 12a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.1 8.1 20 20M8.1 15.9 20 4',
  marker: 'M6 21V4h11l-2 4 2 4H6',
  magnet: 'M6 3v8a6 6 0 0 0 12 0V3h-4v8a2 2 0 0 1-4 0V3zM6 7h4M14 7h4',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  skipBack: 'M6 5v14M18 5 8 12l10 7z',
  skipForward: 'M18 5v14M6 5l10 7-10 7z',
  stepBack: 'M15 6l-6 6 6 6',
  stepForward: 'm9 6 6 6-6 6',
  play: 'M7 4v16l13-8z',
  pause: 'M7 4h3v16H7zM14 4h3v16h-3z',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  safeArea: 'M3 5h18v14H3zM6 8h12v8H6z',
  zoomIn: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4M8 11h6M11 8v6',
  zoomOut: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4M8 11h6',
  fit: 'M4 12h16M4 12l3-3M4 12l3 3M20 12l-3-3M20 12l-3 3M4 5v14M20 5v14',
  export: 'M12 15V3m0 0-4 4m4-4 4 4M4 14v6h16v-6',
} as const;

export type ToolIconName = keyof typeof toolPaths;

export function ToolIcon({ name, size = 15 }: { name: ToolIconName; size?: number }) {
  const filled = name === 'play' || name === 'pause' || name === 'skipBack' || name === 'skipForward';
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
    >
      <path d={toolPaths[name]} />
    </svg>
  );
}
