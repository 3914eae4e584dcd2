/** Every generation provider Shotloom knows, by the id the catalog, the adapters and the key store use. */
export const providerIds = [
  'animatic',
  'runway',
  'openai',
  'cometapi',
  'google',
  'luma',
  'fal',
  'replicate',
  'comfyui',
] as const;

export type ProviderId = (typeof providerIds)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (providerIds as readonly string[]).includes(value);
}
