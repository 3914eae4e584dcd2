import { join } from 'node:path';
import { runFfmpeg } from '../../ffmpeg/runner';
import type { DemoRecipe } from './demoRecipe';

export interface DemoMedia {
  stills: Record<string, string>;
  music: string;
  voice: string;
}

/** Renders the demo's stills (PNG), music and voice-over (WAV) from their lavfi recipes. */
export async function makeDemoMedia(
  recipe: DemoRecipe,
  folder: string,
  ffmpegPath: string,
): Promise<DemoMedia> {
  const stills: Record<string, string> = {};
  for (const [name, source] of Object.entries(recipe.stills)) {
    const path = join(folder, `${name}.png`);
    await runFfmpeg(
      {
        inputs: [{ path: source, options: ['-f', 'lavfi'] }],
        globalOptions: [],
        filterComplex: null,
        outputs: [{ path, options: ['-frames:v', '1', '-update', '1'] }],
      },
      { ffmpegPath },
    );
    stills[name] = path;
  }
  const audio = async (name: string, source: string): Promise<string> => {
    const path = join(folder, `${name}.wav`);
    await runFfmpeg(
      {
        inputs: [{ path: source, options: ['-f', 'lavfi'] }],
        globalOptions: [],
        filterComplex: null,
        outputs: [{ path, options: ['-ac', '2', '-c:a', 'pcm_s16le'] }],
      },
      { ffmpegPath },
    );
    return path;
  };
  return { stills, music: await audio('music', recipe.music), voice: await audio('voice', recipe.voice) };
}
