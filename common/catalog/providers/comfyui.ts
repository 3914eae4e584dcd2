import type { CatalogModel, CatalogProvider } from '../types';

const free = { cents: 0, source: 'runs on your own GPU', date: '2026-11-24' };

function template(id: string, label: string, modes: CatalogModel['modes']): CatalogModel {
  return {
    provider: 'comfyui',
    id,
    label,
    modes,
    durations: { kind: 'range', min: 1, max: 10 },
    ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'],
    audio: 'none',
    maxReferences: 0,
    promptRequired: false,
    price: free,
    status: { kind: 'available' },
    notes:
      'A bundled ComfyUI workflow template; the models it names must be installed on the ComfyUI machine.',
  };
}

export const comfyuiProvider: CatalogProvider = {
  id: 'comfyui',
  label: 'ComfyUI (your GPUs)',
  keyEnv: [],
  requiresKey: false,
  local: true,
  keysLink: null,
  sdk: null,
  models: [
    template('wan-image-to-video', 'Wan image→video (workflow)', ['imageToVideo']),
    template('wan-first-last-frame', 'Wan first+last frame (workflow)', ['firstLastFrame']),
    template('ltxv-image-to-video', 'LTX-Video image→video (workflow)', ['imageToVideo']),
    template('ltxv-first-last-frame', 'LTX-Video first+last frame (workflow)', ['firstLastFrame']),
  ],
};
