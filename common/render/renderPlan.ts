import type { Rational } from '../time/rational';

/**
 * A RenderPlan is everything an export will do, as data: per-segment decisions (copy or encode, and
 * why), the ffmpeg steps with symbolic paths, the files to write before they run, and the exact
 * expected output. Symbolic paths: `@asset/<assetId>`, `@editReady/<assetId>`, `@work/<name>`,
 * `@output`. The service maps them to real paths; golden files keep them symbolic.
 */
export interface PlanInvocation {
  inputs: Array<{ path: string; options: string[] }>;
  globalOptions: string[];
  filterComplex: string | null;
  outputs: Array<{ path: string; options: string[] }>;
}

export interface RenderStep {
  id: string;
  /** Steps of one phase may run in parallel; a phase starts when the previous one finished. */
  phase: number;
  label: string;
  /** Timeline frames this step produces, for progress weighting. */
  weightFrames: number;
  /** Expected duration of the step's output in microseconds (progress fraction). */
  expectedDurationUs: number;
  /** Sound samples a picture unit's sound chunk holds (they tile the range exactly); null otherwise. */
  soundSamples: number | null;
  invocation: PlanInvocation;
}

export type SegmentPath = 'copy' | 'encode';

/** One stretch of the picture, as the export dialog shows it. */
export interface SegmentDecision {
  index: number;
  kind: 'clip' | 'transition' | 'gap' | 'whole';
  startFrame: number;
  durationFrames: number;
  path: SegmentPath;
  /** Why this path: "matches the output, cut on keyframes" or what does not match. */
  reason: string;
  clipIds: string[];
  /** The edit-ready copy is the source. */
  usesEditReady: boolean;
}

export interface ShotProvenance {
  clipId: string;
  assetId: string;
  shotId: string | null;
  shotName: string | null;
  takeId: string | null;
  provider: string | null;
  model: string | null;
  prompt: string | null;
  seed: number | null;
  taskId: string | null;
  costCents: number | null;
}

export interface OutputSpec {
  container: string;
  extension: string;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  rate: Rational;
  sampleRate: number;
  channels: number;
  /** The range of the sequence exported, in sequence frames [startFrame, endFrame). */
  startFrame: number;
  endFrame: number;
  /** Exact expected counts: video frames (1 for a still) and audio samples per channel. */
  frameCount: number;
  sampleCount: number;
  durationUs: number;
}

export interface RenderPlan {
  planVersion: 1;
  sequenceId: string;
  presetId: string;
  smart: 'auto' | 'forceEncode';
  /**
   * concatCopy: every shot is a whole file matching the output: one concat-demuxer stream copy.
   * chunked: picture segments (each copied or encoded) plus the audio rendered whole, then joined.
   * audioOnly: audio chunks and one mix. still: one frame.
   */
  mode: 'concatCopy' | 'chunked' | 'audioOnly' | 'still';
  output: OutputSpec;
  segments: SegmentDecision[];
  /** Text files to write before the steps run (concat lists), keyed by symbolic path. */
  files: Array<{ path: string; text: string }>;
  steps: RenderStep[];
  /** Video chunk files whose SPS/PPS hashes must be identical before joining (copy meets encode). */
  headerCheckPaths: string[];
  metadata: { title: string; comment: string };
  provenance: ShotProvenance[];
  /** Source assets read (for missing-file checks and edit-ready use). */
  assetIds: string[];
  editReadyAssetIds: string[];
}

export interface PlanIssue {
  code: string;
  message: string;
  /** Where in the document: e.g. ["sequences", id, "videoTracks", 0, "items", 3]. */
  path: Array<string | number>;
}

export type CompileResult = { ok: true; plan: RenderPlan } | { ok: false; issues: PlanIssue[] };
