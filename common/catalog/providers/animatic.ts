import type { CatalogProvider } from '../types';

/** The built-in offline previz generator: FFmpeg moves, blends and title cards from the shot alone. */
export const animaticProvider: CatalogProvider = {
  id: 'animatic',
  label: 'Animatic (offline)',
  keyEnv: [],
  requiresKey: false,
  local: true,
  keysLink: null,
  sdk: null,
  models: [
    {
      provider: 'animatic',
      id: 'animatic',
      label: 'Animatic',
      modes: ['textToVideo', 'imageToVideo', 'firstLastFrame', 'middleKeyframe'],
      durations: { kind: 'range', min: 1, max: 60 },
      ratios: ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21', '2:3', '3:2', '4:5'],
      audio: 'optional',
      maxReferences: 0,
      promptRequired: false,
      price: { cents: 0, source: 'built in, runs on this machine', date: '2026-11-24' },
      status: { kind: 'available' },
      notes:
        'Camera direction becomes a move over the first keyframe; a title card shows the prompt when there is no image.',
    },
  ],
};
