import type { FfmpegInvocation } from '../../ffmpeg/invocation';
import type { GenerationRequest } from '../types';
import { toCameraMove, zoomPanFor, type CameraMove } from './cameraMoves';
import { escapeFilterValue } from './titleCard';

export const animaticSampleRate = 48_000;

export interface AnimaticPlanInput {
  request: GenerationRequest;
  outputPath: string;
  width: number;
  height: number;
  /** Title-card text files (prompt, label) and the font, when drawtext can be used; null otherwise. */
  title: { promptFile: string; labelFile: string; fontFile: string } | null;
}

export interface AnimaticPlan {
  invocation: FfmpegInvocation;
  move: CameraMove;
  /** Exact video frames and audio samples the output must have. */
  frames: number;
  samples: number | null;
  /** What the picture is made from. */
  picture: 'title' | 'still' | 'blend' | 'blend3';
}

/** Frames for a duration at a rate, rounded to the nearest frame (exact for whole-frame rates). */
export function framesFor(seconds: number, rate: { num: number; den: number }): number {
  return Math.max(1, Math.round((seconds * rate.num) / rate.den));
}

/**
 * The ffmpeg run that makes an animatic clip: the shot's stills (or a title card) on a canvas twice
 * the output size, cross-faded first → (middle →) last over the duration, moved by the camera
 * direction with zoompan, encoded at the exact size, rate and frame count, with a silent (or tone)
 * stereo track when the shot has audio.
 */
export function planAnimatic(input: AnimaticPlanInput): AnimaticPlan {
  const { request, width, height } = input;
  const rate = `${request.rate.num}/${request.rate.den}`;
  const frames = framesFor(request.durationSeconds, request.rate);
  const move = toCameraMove(request.cameraDirection);
  const scale = width * 2 <= 3840 && height * 2 <= 3840 ? 2 : 1;
  const canvasW = width * scale;
  const canvasH = height * scale;
  const inputs: FfmpegInvocation['inputs'] = [];
  const chains: string[] = [];
  const stills = [request.keyframes.first, request.keyframes.middle, request.keyframes.last].filter(
    (still): still is NonNullable<typeof still> => still !== null,
  );
  // Each still is decoded and scaled once, then repeated for the whole shot with timestamps at the rate.
  const hold = `loop=loop=${frames - 1}:size=1:start=0,setpts=N/(${rate})/TB`;
  const cover = `scale=${canvasW}:${canvasH}:force_original_aspect_ratio=increase,crop=${canvasW}:${canvasH},setsar=1,format=yuv420p,${hold}`;

  let picture: AnimaticPlan['picture'];
  if (stills.length === 0) {
    picture = 'title';
    inputs.push({ path: `color=c=0x1b1f2a:s=${canvasW}x${canvasH}:r=${rate}`, options: ['-f', 'lavfi'] });
    chains.push(`[0:v]trim=end_frame=1,${titleFilters(input, canvasH)},format=yuv420p,${hold}[base]`);
  } else {
    for (const still of stills) inputs.push({ path: still.path, options: ['-framerate', rate] });
    stills.forEach((_still, index) => chains.push(`[${index}:v]${cover}[s${index}]`));
    const seconds = request.durationSeconds;
    if (stills.length === 1) {
      picture = 'still';
      chains.push('[s0]null[base]');
    } else if (stills.length === 2) {
      picture = 'blend';
      chains.push(`[s0][s1]xfade=transition=fade:duration=${seconds}:offset=0[base]`);
    } else {
      picture = 'blend3';
      const half = seconds / 2;
      chains.push(`[s0][s1]xfade=transition=fade:duration=${half}:offset=0[ab]`);
      chains.push(`[ab][s2]xfade=transition=fade:duration=${half}:offset=${half}[base]`);
    }
  }

  if (move === 'static') {
    chains.push(`[base]scale=${width}:${height},setsar=1,format=yuv420p,trim=end_frame=${frames}[v]`);
  } else {
    const zp = zoomPanFor(move, frames);
    chains.push(
      `[base]zoompan=z='${zp.z}':x='${zp.x}':y='${zp.y}':d=1:s=${width}x${height}:fps=${rate},setsar=1,format=yuv420p,trim=end_frame=${frames}[v]`,
    );
  }

  const outputOptions = [
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-r',
    rate,
    '-g',
    String(Math.max(1, Math.round(request.rate.num / request.rate.den))),
  ];

  let samples: number | null = null;
  if (request.audio) {
    samples = Math.round((frames * request.rate.den * animaticSampleRate) / request.rate.num);
    const audioIndex = inputs.length;
    const tone = request.options.extra?.animaticAudio === 'tone';
    inputs.push({
      path: tone
        ? `sine=frequency=440:sample_rate=${animaticSampleRate}`
        : `anullsrc=r=${animaticSampleRate}:cl=stereo`,
      options: ['-f', 'lavfi'],
    });
    chains.push(
      `[${audioIndex}:a]${tone ? 'volume=0.1,' : ''}aformat=sample_rates=${animaticSampleRate}:channel_layouts=stereo,atrim=end_sample=${samples},asetpts=N/SR/TB[a]`,
    );
    outputOptions.push('-map', '[a]', '-c:a', 'aac', '-b:a', '128k');
  }
  outputOptions.push('-movflags', '+faststart');

  return {
    invocation: {
      inputs,
      globalOptions: [],
      filterComplex: chains.join(';'),
      outputs: [{ path: input.outputPath, options: outputOptions }],
    },
    move,
    frames,
    samples,
    picture,
  };
}

/** The title card: the prompt in the middle, a small label below; a plain card without a font. */
function titleFilters(input: AnimaticPlanInput, canvasH: number): string {
  if (!input.title) {
    // No font or no drawtext: a card with a band where the text would be, so the clip still reads as a title.
    return 'drawbox=x=iw*0.1:y=ih*0.42:w=iw*0.8:h=ih*0.16:color=white@0.25:t=fill';
  }
  const font = escapeFilterValue(input.title.fontFile);
  const size = Math.max(10, Math.round(canvasH / 14));
  const labelSize = Math.max(8, Math.round(canvasH / 26));
  return [
    `drawtext=fontfile='${font}':textfile='${escapeFilterValue(input.title.promptFile)}':fontcolor=white:fontsize=${size}:line_spacing=${Math.round(size / 3)}:x=(w-text_w)/2:y=(h-text_h)/2`,
    `drawtext=fontfile='${font}':textfile='${escapeFilterValue(input.title.labelFile)}':fontcolor=0xa0a8b8:fontsize=${labelSize}:x=(w-text_w)/2:y=h*0.74`,
  ].join(',');
}
