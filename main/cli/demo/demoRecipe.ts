import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../common/contract';

/** resources/demo/demo.json: the demo project as a recipe (stills and sounds as lavfi sources). */
export const demoRecipeSchema = z.object({
  name: z.string(),
  rate: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  stills: z.record(z.string(), z.string()),
  music: z.string(),
  voice: z.string(),
  shots: z
    .array(
      z.object({
        name: z.string(),
        prompt: z.string(),
        cameraDirection: z.string(),
        first: z.string(),
        last: z.string().nullable(),
        continueFromPrevious: z.boolean().optional(),
      }),
    )
    .min(1),
  takeSeconds: z.number().int().positive(),
  clipFrames: z.number().int().positive(),
  handleFrames: z.number().int().nonnegative(),
  dissolveAfterShot: z.number().int().positive(),
  dissolveFrames: z.number().int().positive(),
  duckingDb: z.number().max(0),
});

export type DemoRecipe = z.infer<typeof demoRecipeSchema>;

export async function readDemoRecipe(path: string): Promise<DemoRecipe> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', `The demo recipe ${path} could not be read.`, String(error));
  }
  const parsed = demoRecipeSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('BAD_REQUEST', 'The demo recipe is not valid.', parsed.error.issues[0]?.message);
  return parsed.data;
}

/** Length of the demo sequence in frames: every shot's clip (the dissolve uses handles). */
export function demoSequenceFrames(recipe: DemoRecipe): number {
  return recipe.shots.length * recipe.clipFrames;
}
