/** Camera-direction preset ids as words a video model understands; free text passes through. */
const presetWords: Record<string, string> = {
  static: '',
  dollyIn: 'slow dolly in',
  dollyOut: 'slow dolly out',
  pushIn: 'slow push in',
  pullOut: 'slow pull out',
  zoomIn: 'slow zoom in',
  zoomOut: 'slow zoom out',
  panLeft: 'pan left',
  panRight: 'pan right',
  tiltUp: 'tilt up',
  tiltDown: 'tilt down',
  orbitLeft: 'orbit left around the subject',
  orbitRight: 'orbit right around the subject',
  craneUp: 'crane up',
  craneDown: 'crane down',
  handheld: 'handheld camera',
  truckLeft: 'truck left',
  truckRight: 'truck right',
};

export function toCameraMoveLabel(direction: string): string {
  const trimmed = direction.trim();
  if (trimmed === '') return '';
  return presetWords[trimmed] ?? trimmed;
}
