/**
 * Camera directions as moves over a still, for FFmpeg's zoompan filter. Each move gives the zoom
 * and the top-left corner of the visible window as expressions of `p`, the shot's progress 0..1
 * (eased), in zoompan's variables (iw, ih, zoom, on).
 */
export const cameraMoves = [
  'static',
  'pushIn',
  'pullOut',
  'panLeft',
  'panRight',
  'tiltUp',
  'tiltDown',
  'orbitLeft',
  'orbitRight',
  'craneUp',
  'craneDown',
  'handheld',
] as const;

export type CameraMove = (typeof cameraMoves)[number];

/** Preset ids and free text ("slow dolly in", "truck right") to one of the moves. */
export function toCameraMove(direction: string): CameraMove {
  const text = direction
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_-]+/g, ' ');
  const rules: Array<[RegExp, CameraMove]> = [
    [/hand ?held|shak/, 'handheld'],
    [/orbit|arc/, /right|clockwise/.test(text) && !/counter/.test(text) ? 'orbitRight' : 'orbitLeft'],
    [/crane|jib|pedestal|boom/, /down|lower/.test(text) ? 'craneDown' : 'craneUp'],
    [/push|dolly in|zoom in|move in|push in|close in/, 'pushIn'],
    [/pull|dolly out|zoom out|move out|pull back|dolly back/, 'pullOut'],
    [/tilt up/, 'tiltUp'],
    [/tilt down/, 'tiltDown'],
    [/(pan|truck|track|slide) left/, 'panLeft'],
    [/(pan|truck|track|slide) right/, 'panRight'],
    [/dolly|zoom/, 'pushIn'],
  ];
  for (const [pattern, move] of rules) if (pattern.test(text)) return move;
  return 'static';
}

export interface ZoomPanExpressions {
  z: string;
  x: string;
  y: string;
}

/**
 * zoompan expressions for a move over `frames` output frames. The window is centred unless the
 * move slides it; slides use the room a zoom above 1 leaves (iw - iw/zoom).
 */
export function zoomPanFor(move: CameraMove, frames: number): ZoomPanExpressions {
  const last = Math.max(1, frames - 1);
  // Smoothstep easing of the progress: starts and ends gently, like a real move.
  const raw = `min(1,on/${last})`;
  const p = `(${raw})*(${raw})*(3-2*(${raw}))`;
  const centreX = 'iw/2-(iw/zoom/2)';
  const centreY = 'ih/2-(ih/zoom/2)';
  const roomX = '(iw-iw/zoom)';
  const roomY = '(ih-ih/zoom)';
  switch (move) {
    case 'static':
      return { z: '1', x: '0', y: '0' };
    case 'pushIn':
      return { z: `1+0.3*${p}`, x: centreX, y: centreY };
    case 'pullOut':
      return { z: `1.3-0.3*${p}`, x: centreX, y: centreY };
    case 'panLeft':
      return { z: '1.25', x: `${roomX}*(1-${p})`, y: centreY };
    case 'panRight':
      return { z: '1.25', x: `${roomX}*${p}`, y: centreY };
    case 'tiltUp':
      return { z: '1.25', x: centreX, y: `${roomY}*(1-${p})` };
    case 'tiltDown':
      return { z: '1.25', x: centreX, y: `${roomY}*${p}` };
    case 'orbitLeft':
      return { z: `1.2+0.08*sin(PI*${p})`, x: `${roomX}*(1-${p})`, y: centreY };
    case 'orbitRight':
      return { z: `1.2+0.08*sin(PI*${p})`, x: `${roomX}*${p}`, y: centreY };
    case 'craneUp':
      return { z: `1.3-0.1*${p}`, x: centreX, y: `${roomY}*(1-${p})` };
    case 'craneDown':
      return { z: `1.2+0.1*${p}`, x: centreX, y: `${roomY}*${p}` };
    case 'handheld':
      return {
        z: '1.08',
        x: `${roomX}*(0.5+0.3*sin(on*0.31)*cos(on*0.07))`,
        y: `${roomY}*(0.5+0.3*cos(on*0.23)*sin(on*0.11))`,
      };
  }
}
