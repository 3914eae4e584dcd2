import { dialog, type BrowserWindow } from 'electron';
import type { ChooseFfmpegFile } from '../services/settings/settingsHandlers';

/** The desktop app's dialog for settings:ffmpeg: one program file (ffprobe is taken from beside it). */
export function chooseFfmpegFile(window: () => BrowserWindow | null): ChooseFfmpegFile {
  return async () => {
    const options = {
      title: 'Choose the ffmpeg program',
      buttonLabel: 'Use this FFmpeg',
      properties: ['openFile' as const],
    };
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
