/**
 * What bench/media.mjs drives: the media pipeline's own code (bundled by the bench with rolldown,
 * so the bench measures what the app ships).
 */
export { computePeaks } from '../main/services/media/computePeaks';
export { probeMedia } from '../main/ffmpeg/ffprobe';
export { BackgroundQueue } from '../main/services/media/backgroundQueue';
export { mapWithLimit } from '../common/async/mapWithLimit';
export { runFfmpeg } from '../main/ffmpeg/runner';
export {
  thumbnailInvocation,
  filmstripInvocation,
  filmstripFrames,
  produceFile,
} from '../main/services/media/thumbnails';
