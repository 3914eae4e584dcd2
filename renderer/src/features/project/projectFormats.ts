/** The frame rates and frame sizes a new project offers. */
export const rateChoices = [
  { value: '24/1', label: '24 fps' },
  { value: '24000/1001', label: '23.976 fps' },
  { value: '25/1', label: '25 fps' },
  { value: '30000/1001', label: '29.97 fps (drop-frame timecode)' },
  { value: '30/1', label: '30 fps' },
  { value: '50/1', label: '50 fps' },
  { value: '60000/1001', label: '59.94 fps' },
  { value: '60/1', label: '60 fps' },
] as const;

export const sizeChoices = [
  { value: '1920x1080', label: '1920 × 1080 (HD, 16:9)' },
  { value: '3840x2160', label: '3840 × 2160 (4K UHD)' },
  { value: '1280x720', label: '1280 × 720 (16:9)' },
  { value: '1080x1920', label: '1080 × 1920 (vertical 9:16)' },
  { value: '1080x1080', label: '1080 × 1080 (square)' },
] as const;

export function parseRateChoice(value: string): { num: number; den: number } {
  const [num, den] = value.split('/').map(Number);
  return { num: num ?? 24, den: den ?? 1 };
}

export function parseSizeChoice(value: string): { width: number; height: number } {
  const [width, height] = value.split('x').map(Number);
  return { width: width ?? 1920, height: height ?? 1080 };
}
