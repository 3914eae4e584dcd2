/**
 * Export presets: what the output file is. Sizes of null follow the sequence; a preset with a fixed
 * size fits (or fills, per clip) the picture into it. The default H.264 encoder is x264 veryfast,
 * which the measurements in reference/performance.md recommend (medium is 2.2x slower).
 */
export type VideoCodec = 'h264' | 'hevc' | 'prores' | 'vp9';
export type AudioCodec = 'aac' | 'pcm_s16le' | 'opus';
export type Container = 'mp4' | 'mov' | 'webm' | 'wav' | 'm4a' | 'png';

export interface VideoEncoding {
  codec: VideoCodec;
  /** Output size; null follows the sequence. */
  width: number | null;
  height: number | null;
  pixelFormat: string;
  /** The profile ffprobe reports for the output (what a copied source must match). */
  profile: string | null;
  /** Encoder arguments after `-c:v <encoder>`. */
  encoder: string;
  encoderArgs: string[];
  /** Container for intermediate chunks that the concat demuxer joins. */
  chunkExtension: 'mp4' | 'mov' | 'webm';
}

export interface AudioEncoding {
  codec: AudioCodec;
  encoder: string;
  encoderArgs: string[];
  /** File extension for the whole-audio intermediate. */
  extension: 'm4a' | 'wav' | 'webm';
}

export interface RenderPreset {
  id: string;
  label: string;
  container: Container;
  extension: string;
  video: VideoEncoding | null;
  audio: AudioEncoding | null;
  /** A single PNG frame at the range's start. */
  still: boolean;
}

const x264Args = ['-preset', 'veryfast', '-crf', '18', '-profile:v', 'high'];

function h264(width: number | null, height: number | null): VideoEncoding {
  return {
    codec: 'h264',
    width,
    height,
    pixelFormat: 'yuv420p',
    profile: 'High',
    encoder: 'libx264',
    encoderArgs: x264Args,
    chunkExtension: 'mp4',
  };
}

const aac: AudioEncoding = {
  codec: 'aac',
  encoder: 'aac',
  encoderArgs: ['-b:a', '192k'],
  extension: 'm4a',
};
const pcm: AudioEncoding = { codec: 'pcm_s16le', encoder: 'pcm_s16le', encoderArgs: [], extension: 'wav' };
const opus: AudioEncoding = {
  codec: 'opus',
  encoder: 'libopus',
  encoderArgs: ['-b:a', '160k'],
  extension: 'webm',
};

function mp4(id: string, label: string, video: VideoEncoding): RenderPreset {
  return { id, label, container: 'mp4', extension: 'mp4', video, audio: aac, still: false };
}

export const renderPresets: readonly RenderPreset[] = [
  mp4('h264-sequence', 'H.264 MP4 (sequence size)', h264(null, null)),
  mp4('h264-2160p', 'H.264 MP4 4K (3840x2160)', h264(3840, 2160)),
  mp4('h264-1080p', 'H.264 MP4 1080p', h264(1920, 1080)),
  mp4('h264-720p', 'H.264 MP4 720p', h264(1280, 720)),
  mp4('h264-vertical', 'H.264 MP4 vertical 9:16 (1080x1920)', h264(1080, 1920)),
  mp4('h264-square', 'H.264 MP4 square (1080x1080)', h264(1080, 1080)),
  mp4('h265-1080p', 'H.265 MP4 1080p', {
    codec: 'hevc',
    width: 1920,
    height: 1080,
    pixelFormat: 'yuv420p',
    profile: 'Main',
    encoder: 'libx265',
    encoderArgs: ['-preset', 'veryfast', '-crf', '22', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'],
    chunkExtension: 'mp4',
  }),
  {
    id: 'prores-hq',
    label: 'ProRes 422 HQ MOV (sequence size)',
    container: 'mov',
    extension: 'mov',
    video: {
      codec: 'prores',
      width: null,
      height: null,
      pixelFormat: 'yuv422p10le',
      profile: 'HQ',
      encoder: 'prores_ks',
      encoderArgs: ['-profile:v', '3', '-vendor', 'apl0'],
      chunkExtension: 'mov',
    },
    audio: pcm,
    still: false,
  },
  {
    id: 'vp9-webm',
    label: 'VP9 WebM (sequence size)',
    container: 'webm',
    extension: 'webm',
    video: {
      codec: 'vp9',
      width: null,
      height: null,
      pixelFormat: 'yuv420p',
      profile: null,
      encoder: 'libvpx-vp9',
      encoderArgs: ['-crf', '32', '-b:v', '0', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1'],
      chunkExtension: 'webm',
    },
    audio: opus,
    still: false,
  },
  {
    id: 'wav',
    label: 'WAV audio (48 kHz stereo)',
    container: 'wav',
    extension: 'wav',
    video: null,
    audio: pcm,
    still: false,
  },
  {
    id: 'aac',
    label: 'AAC audio (M4A)',
    container: 'm4a',
    extension: 'm4a',
    video: null,
    audio: aac,
    still: false,
  },
  {
    id: 'still-png',
    label: 'Still frame (PNG)',
    container: 'png',
    extension: 'png',
    video: null,
    audio: null,
    still: true,
  },
];

export const defaultPresetId = 'h264-sequence';

export function findPreset(id: string): RenderPreset | null {
  return renderPresets.find((preset) => preset.id === id) ?? null;
}

/**
 * The one encoder setting edit-ready copies and re-encoded windows share in a smart render, so their
 * SPS/PPS are byte-identical (performance.md: same x264 parameters and stitchable=1). GOP: half a
 * second, closed, no scene cuts.
 */
export function editReadyX264Args(gopFrames: number): string[] {
  return [
    ...x264Args,
    '-pix_fmt',
    'yuv420p',
    '-x264-params',
    `keyint=${gopFrames}:min-keyint=${gopFrames}:scenecut=0:open-gop=0:stitchable=1`,
  ];
}
