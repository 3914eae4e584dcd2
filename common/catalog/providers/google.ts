import type { CatalogModel, CatalogProvider, ModeRule } from '../types';

const read = '2026-11-24';
const eightOnly: ModeRule = { durations: { kind: 'list', values: [8] } };
const veo31Rules = { firstLastFrame: eightOnly, referenceImages: eightOnly, extend: eightOnly };

function veo(id: string, label: string, cents: number): CatalogModel {
  return {
    provider: 'google',
    id,
    label,
    modes: ['textToVideo', 'imageToVideo', 'firstLastFrame', 'referenceImages', 'extend'],
    durations: { kind: 'list', values: [4, 6, 8] },
    ratios: ['16:9', '9:16'],
    resolutions: ['720p', '1080p', '4k'],
    audio: 'always',
    maxReferences: 3,
    promptRequired: true,
    modeRules: veo31Rules,
    price: { cents, source: '[3rd-party] aifreeapi.com citing Google', date: read },
    status: { kind: 'available' },
    notes:
      '1080p needs 8 s; extension adds 7 s at 720p to a Veo-made video; audio is always on (Gemini API).',
  };
}

export const googleProvider: CatalogProvider = {
  id: 'google',
  label: 'Google Veo (Gemini API)',
  keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  requiresKey: true,
  local: false,
  keysLink: 'google.keys',
  sdk: '@google/genai@2.32.0',
  models: [
    veo('veo-3.1-generate-preview', 'Veo 3.1', 40),
    veo('veo-3.1-fast-generate-preview', 'Veo 3.1 Fast', 15),
    {
      provider: 'google',
      id: 'veo-3.0-generate-001',
      label: 'Veo 3.0',
      modes: ['textToVideo', 'imageToVideo'],
      durations: { kind: 'list', values: [8] },
      ratios: ['16:9', '9:16'],
      audio: 'always',
      maxReferences: 0,
      promptRequired: true,
      price: null,
      status: {
        kind: 'retired',
        since: '2026-06-30',
        note: 'Google retired the veo-3.0 models on 2026-06-30; use Veo 3.1.',
      },
    },
  ],
};
