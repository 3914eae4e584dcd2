import type { ProjectSettings, Project } from '../schema/project';
import { attemptEdit, refuse, type EditResult } from './editResult';

export interface ProjectSettingsChanges {
  budgetCents?: number | null | undefined;
  defaultRate?: { num: number; den: number } | undefined;
  defaultWidth?: number | undefined;
  defaultHeight?: number | undefined;
  defaultSampleRate?: number | undefined;
}

/** The largest frame side a sequence takes (the sequence schema's limit). */
export const maxFrameSide = 16384;

function checkSide(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 2 || value > maxFrameSide)
    refuse(`The default ${what} must be a whole number of pixels from 2 to ${maxFrameSide}.`);
  return value;
}

/**
 * The project's budget and the defaults new sequences take. Nonsense is refused with a message:
 * a negative or non-finite budget, sizes under 2 or over 16384 pixels, a rate that is not positive
 * or above 1000 fps, a sample rate outside 8–384 kHz.
 */
export function setProjectSettings(document: Project, request: ProjectSettingsChanges): EditResult {
  return attemptEdit(() => {
    const settings: ProjectSettings = { ...document.settings };
    if (request.budgetCents !== undefined) {
      const budget = request.budgetCents;
      if (budget !== null && (!Number.isFinite(budget) || budget < 0))
        refuse('A budget is zero or more dollars (leave it empty for no budget).');
      settings.budgetCents = budget;
    }
    if (request.defaultRate !== undefined) {
      const { num, den } = request.defaultRate;
      if (!Number.isInteger(num) || !Number.isInteger(den) || num <= 0 || den <= 0 || num / den > 1000)
        refuse('The default frame rate must be positive (at most 1000 fps).');
      settings.defaultRate = { num, den };
    }
    if (request.defaultWidth !== undefined) settings.defaultWidth = checkSide(request.defaultWidth, 'width');
    if (request.defaultHeight !== undefined)
      settings.defaultHeight = checkSide(request.defaultHeight, 'height');
    if (request.defaultSampleRate !== undefined) {
      const rate = request.defaultSampleRate;
      if (!Number.isInteger(rate) || rate < 8000 || rate > 384000)
        refuse('The default sample rate must be from 8,000 to 384,000 Hz.');
      settings.defaultSampleRate = rate;
    }
    return { ...document, settings };
  });
}
