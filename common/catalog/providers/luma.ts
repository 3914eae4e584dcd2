import type { CatalogModel, CatalogProvider } from '../types';

function ray(id: string, label: string): CatalogModel {
  return {
    provider: 'luma',
    id,
    label,
    modes: ['textToVideo', 'imageToVideo', 'firstLastFrame', 'extend', 'videoToVideo'],
    durations: { kind: 'list', values: [5, 9] },
    ratios: ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '9:21'],
    resolutions: ['540p', '720p', '1080p', '4k'],
    audio: 'none',
    maxReferences: 0,
    promptRequired: false,
    modeRules: { videoToVideo: { durations: { kind: 'fromSource' } } },
    price: null,
    status: { kind: 'available' },
    notes:
      'Keyframes are frame0/frame1 image URLs; extend continues an earlier Luma generation; pricing not published per video.',
  };
}

export const lumaProvider: CatalogProvider = {
  id: 'luma',
  label: 'Luma Dream Machine',
  keyEnv: ['LUMAAI_API_KEY'],
  requiresKey: true,
  local: false,
  keysLink: 'luma.keys',
  sdk: 'lumaai@1.19.1',
  models: [ray('ray-2', 'Luma Ray 2'), ray('ray-flash-2', 'Luma Ray Flash 2')],
};
