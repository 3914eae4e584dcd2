/**
 * Camera-direction and style presets. Choosing one inserts its phrase into the prompt, where the
 * creator can edit it like any other text; a camera preset also records its id as the shot's camera
 * direction, which adapters with native camera controls read.
 */
export interface PromptPreset {
  id: string;
  label: string;
  phrase: string;
}

export const cameraPresets: readonly PromptPreset[] = [
  { id: 'static', label: 'Static', phrase: 'Static camera, locked-off tripod shot.' },
  { id: 'dollyIn', label: 'Dolly in', phrase: 'Slow dolly in toward the subject.' },
  { id: 'dollyOut', label: 'Dolly out', phrase: 'Slow dolly out, revealing the surroundings.' },
  { id: 'panLeft', label: 'Pan left', phrase: 'Smooth pan from right to left.' },
  { id: 'panRight', label: 'Pan right', phrase: 'Smooth pan from left to right.' },
  { id: 'tiltUp', label: 'Tilt up', phrase: 'Camera tilts up slowly.' },
  { id: 'tiltDown', label: 'Tilt down', phrase: 'Camera tilts down slowly.' },
  { id: 'orbit', label: 'Orbit', phrase: 'Camera orbits around the subject in a slow arc.' },
  { id: 'crane', label: 'Crane', phrase: 'Crane shot rising above the scene.' },
  { id: 'handheld', label: 'Handheld', phrase: 'Handheld camera with subtle natural shake.' },
];

export const stylePresets: readonly PromptPreset[] = [
  {
    id: 'cinematic',
    label: 'Cinematic',
    phrase: 'Cinematic lighting, anamorphic lens, shallow depth of field, film grain.',
  },
  {
    id: 'documentary',
    label: 'Documentary',
    phrase: 'Documentary style, natural light, observational framing.',
  },
  { id: 'noir', label: 'Noir', phrase: 'Black-and-white film noir, hard shadows, high contrast.' },
  { id: 'anime', label: 'Anime', phrase: 'Hand-drawn anime style, clean line art, vivid colours.' },
  { id: 'goldenHour', label: 'Golden hour', phrase: 'Warm golden-hour sunlight, long soft shadows.' },
  { id: 'vhs', label: 'VHS', phrase: '1990s VHS camcorder look, soft focus, colour bleed.' },
  { id: 'clay', label: 'Claymation', phrase: 'Stop-motion claymation, handmade textures.' },
];

export function cameraPresetLabel(id: string): string {
  return cameraPresets.find((preset) => preset.id === id)?.label ?? id;
}

/**
 * The text with `phrase` inserted at the selection (replacing it), with spacing fixed on both sides;
 * returns the new text and where the caret goes.
 */
export function insertPhrase(
  text: string,
  phrase: string,
  selectionStart: number = text.length,
  selectionEnd: number = selectionStart,
): { text: string; caret: number } {
  const before = text.slice(0, selectionStart).replace(/\s+$/, '');
  const after = text.slice(selectionEnd).replace(/^\s+/, '');
  const left = before.length > 0 ? `${before} ` : '';
  const right = after.length > 0 ? ` ${after}` : '';
  return { text: `${left}${phrase}${right}`, caret: left.length + phrase.length };
}
