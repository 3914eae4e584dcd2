import { toCameraMoveLabel } from './cameraWords';
import type { GenerationRequest } from './types';

/**
 * The prompt a text-only provider receives: the shot's prompt, with its camera direction appended
 * in words when the provider has no camera parameter and the prompt does not already say it.
 */
export function promptWithCamera(request: GenerationRequest): string {
  const prompt = request.prompt.trim();
  const words = toCameraMoveLabel(request.cameraDirection);
  if (!words) return prompt;
  if (prompt.toLowerCase().includes(words.toLowerCase())) return prompt;
  return prompt ? `${prompt}${/[.!?]$/.test(prompt) ? '' : '.'} Camera: ${words}.` : `Camera: ${words}.`;
}
