/** Colours of the lanes, as a professional editor's dark theme draws them. */
export const palette = {
  laneVideo: '#1c1f26',
  laneAudio: '#1a1d23',
  laneAlt: '#1f222a',
  laneLocked: 'rgba(255, 255, 255, 0.035)',
  divider: '#0e1014',
  gridLine: 'rgba(255, 255, 255, 0.045)',
  videoClip: '#35558f',
  videoClipTop: '#4468aa',
  audioClip: '#2d6b55',
  audioClipTop: '#37836a',
  stillClip: '#6b4f8f',
  clipBorder: 'rgba(0, 0, 0, 0.55)',
  clipText: '#eef2f8',
  clipTextDim: 'rgba(238, 242, 248, 0.65)',
  selected: '#ffd24d',
  disabled: 'rgba(20, 20, 20, 0.55)',
  volumeLine: '#ffd84a',
  keyframe: '#ffe27a',
  fade: 'rgba(0, 0, 0, 0.4)',
  transition: 'rgba(230, 236, 255, 0.88)',
  transitionText: '#1c2333',
  playhead: '#ff4d4d',
  snapGuide: '#4fd1ff',
  marquee: 'rgba(79, 140, 255, 0.18)',
  marqueeBorder: 'rgba(79, 140, 255, 0.9)',
  markIn: 'rgba(79, 140, 255, 0.08)',
  dropCut: '#4fd1ff',
  markers: {
    red: '#e5534b',
    orange: '#e8913a',
    yellow: '#e3c341',
    green: '#3fb950',
    blue: '#4f8cff',
    purple: '#a371f7',
  },
} as const;

/** Volume lines span -60..+12 dB over the clip's height (0 dB sits at about 5/6). */
export const volumeRange = { minDb: -60, maxDb: 12 };

export function dbToY(db: number, top: number, height: number): number {
  const pad = 4;
  const fraction =
    (Math.min(volumeRange.maxDb, Math.max(volumeRange.minDb, db)) - volumeRange.minDb) /
    (volumeRange.maxDb - volumeRange.minDb);
  return top + pad + (1 - fraction) * (height - pad * 2);
}

export function yToDb(y: number, top: number, height: number): number {
  const pad = 4;
  const fraction = 1 - (y - top - pad) / Math.max(1, height - pad * 2);
  const db = volumeRange.minDb + fraction * (volumeRange.maxDb - volumeRange.minDb);
  return Math.round(Math.min(volumeRange.maxDb, Math.max(volumeRange.minDb, db)) * 10) / 10;
}
