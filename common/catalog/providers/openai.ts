import type { CatalogProvider } from '../types';

const read = '2026-11-24';
const retired = {
  kind: 'retired' as const,
  since: '2026-09-24',
  note: 'OpenAI shut down the Sora 2 Videos API on 2026-09-24. Sora 2 is still reachable through CometAPI.',
};
const sizes = ['1280x720', '720x1280'];
const proSizes = ['1280x720', '720x1280', '1792x1024', '1024x1792'];

export const openaiProvider: CatalogProvider = {
  id: 'openai',
  label: 'OpenAI Sora 2',
  keyEnv: ['OPENAI_API_KEY'],
  requiresKey: true,
  local: false,
  keysLink: 'openai.keys',
  sdk: 'openai@6.49.0',
  models: [
    {
      provider: 'openai',
      id: 'sora-2',
      label: 'Sora 2',
      modes: ['textToVideo', 'imageToVideo', 'remix', 'extend', 'videoToVideo'],
      durations: { kind: 'list', values: [4, 8, 12] },
      ratios: ['16:9', '9:16'],
      sizes,
      audio: 'always',
      maxReferences: 0,
      promptRequired: true,
      price: { cents: 10, source: '[3rd-party] cometapi.com blog, help.apiyi.com', date: read },
      status: retired,
      notes: 'The input reference must match the output size pixel for pixel.',
    },
    {
      provider: 'openai',
      id: 'sora-2-pro',
      label: 'Sora 2 Pro',
      modes: ['textToVideo', 'imageToVideo', 'remix', 'extend', 'videoToVideo'],
      durations: { kind: 'list', values: [4, 8, 12, 16, 20] },
      ratios: ['16:9', '9:16'],
      sizes: proSizes,
      audio: 'always',
      maxReferences: 0,
      promptRequired: true,
      price: { cents: 30, source: '[3rd-party] cometapi.com blog (720p; 50 c/s at 1792x1024)', date: read },
      status: retired,
    },
  ],
};
