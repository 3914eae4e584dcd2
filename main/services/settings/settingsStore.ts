import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/atomicWrite';

/** Settings that are not secrets. Keys live in the secret store, never here. */
export const settingsSchema = z.object({
  ffmpegPath: z.string().nullable().default(null),
  recentProjects: z.array(z.string()).default([]),
  comfyUrls: z.array(z.string()).default(['http://127.0.0.1:8188']),
  /** Make edit-ready copies of imported videos and new takes in the background. */
  editReadyCopies: z.boolean().default(true),
  defaults: z
    .object({
      rate: z
        .object({ num: z.number().int().positive(), den: z.number().int().positive() })
        .default({ num: 24, den: 1 }),
      width: z.number().int().positive().default(1920),
      height: z.number().int().positive().default(1080),
      sampleRate: z.number().int().positive().default(48000),
    })
    .default({ rate: { num: 24, den: 1 }, width: 1920, height: 1080, sampleRate: 48000 }),
});

export type Settings = z.infer<typeof settingsSchema>;

/** A JSON settings file in the data folder, written atomically; a damaged file falls back to defaults. */
export class SettingsStore {
  private cache: Settings | null = null;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  async load(): Promise<Settings> {
    if (this.cache) return this.cache;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      raw = {};
    }
    const parsed = settingsSchema.safeParse(raw);
    this.cache = parsed.success ? parsed.data : settingsSchema.parse({});
    return this.cache;
  }

  /** Synchronous read of what was last loaded (defaults before the first load). */
  peek(): Settings {
    return this.cache ?? settingsSchema.parse({});
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.load()), ...patch });
    await mkdir(join(this.file, '..'), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.cache = next;
    return next;
  }
}
