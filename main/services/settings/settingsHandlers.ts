import { AppError, type AppSettingsView } from '../../../common/contract';
import type { Binaries } from '../../ffmpeg/binaries';
import { resolveBinary } from '../../ffmpeg/resolveBinaries';
import type { CallContext, Handler } from '../../core/handlers';
import type { SettingsStore, Settings } from './settingsStore';

/** The desktop app's open-file dialog for choosing an ffmpeg program; null when cancelled. */
export type ChooseFfmpegFile = () => Promise<string | null>;

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  binaries: Binaries;
  /** Only the Electron host passes it; elsewhere FFmpeg comes from FFMPEG_PATH / FFPROBE_PATH. */
  chooseFfmpegFile?: ChooseFfmpegFile | undefined;
}

type SettingsChannel = 'settings:get' | 'settings:update' | 'settings:ffmpeg';

/** `settings:*` (except keys): the safe settings, and FFmpeg through the desktop app's dialog only. */
export function settingsHandlers(deps: SettingsHandlerDeps): { [C in SettingsChannel]: Handler<C> } {
  const canChoose = (context: CallContext) =>
    context.host === 'electron' && deps.chooseFfmpegFile !== undefined;
  const view = (settings: Settings, context: CallContext): AppSettingsView => ({
    comfyUrls: [...settings.comfyUrls],
    defaults: { ...settings.defaults, rate: { ...settings.defaults.rate } },
    editReadyCopies: settings.editReadyCopies,
    ffmpegPath: settings.ffmpegPath,
    canChooseFfmpeg: canChoose(context),
  });

  return {
    'settings:get': async (_request, context) => view(await deps.settings.load(), context),
    'settings:update': async (request, context) => {
      const current = await deps.settings.load();
      const next = await deps.settings.update({
        ...(request.comfyUrls ? { comfyUrls: [...new Set(request.comfyUrls)] } : {}),
        ...(request.defaults ? { defaults: { ...current.defaults, ...request.defaults } } : {}),
        ...(request.editReadyCopies !== undefined ? { editReadyCopies: request.editReadyCopies } : {}),
      });
      return view(next, context);
    },
    'settings:ffmpeg': async (request, context) => {
      if (!canChoose(context) || !deps.chooseFfmpegFile) {
        throw new AppError(
          'NOT_AVAILABLE_IN_HOST',
          'Here FFmpeg comes from FFMPEG_PATH and FFPROBE_PATH, set before Shotloom starts.',
        );
      }
      if (request.action === 'automatic') {
        const next = await deps.settings.update({ ffmpegPath: null });
        deps.binaries.invalidate();
        return view(next, context);
      }
      const path = await deps.chooseFfmpegFile();
      if (path === null) return view(await deps.settings.load(), context);
      // Only the chosen program is tried (no environment, no PATH): it must run and be recent enough.
      const info = await resolveBinary('ffmpeg', { settingPath: path, env: {} });
      if (info.problem) throw new AppError(info.problem.code, info.problem.message);
      const next = await deps.settings.update({ ffmpegPath: path });
      deps.binaries.invalidate();
      return view(next, context);
    },
  };
}
