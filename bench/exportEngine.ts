/**
 * What bench/export.mjs drives: the export engine as the core runs it (bundled by the bench with
 * rolldown, so that the bench measures the same code the app ships).
 */
export { renderSequence } from '../main/services/render/renderSequence';
export { ensureEditReady } from '../main/services/render/editReady';
export { probeOutputCounts } from '../main/services/render/probeForRender';
export { probeMedia } from '../main/ffmpeg/ffprobe';
export { newProject } from '../common/model/newProject';
export { newClip } from '../common/model/newClip';
