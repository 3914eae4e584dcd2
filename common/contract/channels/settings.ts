import { z } from 'zod';
import { channel } from '../define';

/** The most ComfyUI servers Settings keeps (tried in order). */
export const maxComfyUrls = 8;

/** An http(s) URL without credentials, query or fragment: where a ComfyUI server listens. */
export const comfyUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine(
    (text) => {
      if (!URL.canParse(text)) return false;
      const url = new URL(text);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    },
    { message: 'an http:// or https:// address without a user name, password, query or #' },
  );

/** Frame rate, size and sample rate new projects start with (Settings ▸ General). */
export const newProjectDefaultsSchema = z
  .object({
    rate: z
      .object({ num: z.number().int().positive(), den: z.number().int().positive() })
      .strict()
      .refine((rate) => rate.num / rate.den <= 1000, { message: 'at most 1000 fps' }),
    width: z.number().int().min(2).max(16384),
    height: z.number().int().min(2).max(16384),
    sampleRate: z.number().int().min(8000).max(384000),
  })
  .strict();
export type NewProjectDefaults = z.infer<typeof newProjectDefaultsSchema>;

/** The app settings a window may see: never keys, and the FFmpeg setting only as facts. */
export interface AppSettingsView {
  comfyUrls: string[];
  defaults: NewProjectDefaults;
  /** Edit-ready copies of imported videos and new takes are made in the background. */
  editReadyCopies: boolean;
  /** The FFmpeg chosen in Settings (desktop app only), or null for automatic. */
  ffmpegPath: string | null;
  /** Whether this host lets the window choose FFmpeg (the desktop app, through its file dialog). */
  canChooseFfmpeg: boolean;
}

export const settingsChannels = {
  'settings:get': channel(z.object({}).strict()).returns<AppSettingsView>(),
  /**
   * Changes the safe settings: ComfyUI addresses (http/https only), the defaults of new
   * projects and background edit-ready copies. The FFmpeg path is not among them: no window ever sends a path to run.
   */
  'settings:update': channel(
    z
      .object({
        comfyUrls: z.array(comfyUrlSchema).max(maxComfyUrls).optional(),
        defaults: newProjectDefaultsSchema.partial().strict().optional(),
        editReadyCopies: z.boolean().optional(),
      })
      .strict(),
  ).returns<AppSettingsView>(),
  /**
   * Which FFmpeg to use: `choose` opens the desktop app's file dialog and keeps the program picked
   * when it runs; `automatic` forgets the choice. Other hosts answer NOT_AVAILABLE_IN_HOST (there
   * it comes from FFMPEG_PATH / FFPROBE_PATH).
   */
  'settings:ffmpeg': channel(
    z.object({ action: z.enum(['choose', 'automatic']) }).strict(),
  ).returns<AppSettingsView>(),
};
