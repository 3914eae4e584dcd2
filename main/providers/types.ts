import type { ErrorCode } from '../../common/contract';
import type { ProviderId } from '../../common/catalog/providerIds';
import type { GenerationMode } from '../../common/model';
import type { Rational } from '../../common/time';

/**
 * The adapter interface every provider implements (Runway, Veo, Sora, Luma, fal, Replicate,
 * CometAPI, ComfyUI, Animatic). The job engine (main/services/jobs) is the only caller: it journals
 * before every remote call, owns retries, backoff, concurrency and downloads; an adapter only maps
 * a provider-portable request to one provider's wire protocol and classifies what comes back.
 *
 * Rules every adapter follows:
 * - `create` sends exactly one request that may start a paid task: SDK retries OFF for it
 *   (`maxRetries: 0`). Anything unclear after the request may have reached the provider (timeout,
 *   connection drop, 500/504) is thrown as PROVIDER_UNCERTAIN, never retried here.
 * - Failures are thrown as `ProviderError` (main/providers/errors.ts), or returned as a `failed`
 *   poll result; both carry a PROVIDER_* code, `retryable`, `moderation` and `retryAfterMs`.
 * - Keys come only in `AdapterContext.apiKey`; they never appear in messages, details or logs.
 * - Nothing is written except the destination file given to `download`.
 */

/** A local file the engine resolved from a project asset (keyframe, reference, source video). */
export interface LocalMedia {
  /** Absolute path on this machine. */
  path: string;
  kind: 'image' | 'video' | 'audio';
  /** e.g. image/png, video/mp4. */
  mimeType: string;
  sizeBytes: number;
  /** Pixel size when known (stills and videos). */
  width?: number;
  height?: number;
  /** Seconds, for videos and audio, when known. */
  durationSeconds?: number;
}

/**
 * Options beyond the portable recipe. Every field is optional; an adapter ignores what its model
 * does not take (validation against the catalog refuses what it cannot do before any request).
 */
export interface GenerationOptions {
  /** Provider resolution label: 720p, 1080p, 4k, 540p… */
  resolution?: string;
  /** Exact pixel size when a provider takes sizes (Sora, CometAPI): "1280x720". */
  size?: string;
  /** Runway outputFormat (mp4, prores, …) and the like. */
  outputFormat?: string;
  /** Runway contentModeration.publicFigureThreshold. */
  publicFigureThreshold?: 'auto' | 'low';
  /** Veo personGeneration. */
  personGeneration?: string;
  /** Let the provider rewrite the prompt (Veo enhancePrompt, Wan prompt expansion, Hailuo optimizer). */
  enhancePrompt?: boolean;
  /** Luma loop. */
  loop?: boolean;
  /** Runway aleph2 / fal outpaint target, "16:9". */
  targetAspectRatio?: string;
  /** Veo on Vertex AI instead of the Gemini API. */
  vertex?: { project: string; location: string };
  /** ComfyUI workflow template id (resources/workflows/…). */
  workflowTemplate?: string;
  /** A provider-side id of an earlier generation, for extend and remix (Sora video id, Luma id…). */
  sourceGenerationId?: string;
  /** Runway act_two. */
  performance?: { bodyControl?: boolean; expressionIntensity?: number };
  /** Anything else, passed to the provider as is (model-specific fields). Plain JSON only. */
  extra?: Record<string, string | number | boolean | null>;
}

/** The shot as one provider call: the portable recipe with every asset resolved to a local file. */
export interface GenerationRequest {
  provider: ProviderId;
  /** Catalog model id (e.g. "gen4.5", "veo-3.1-generate-preview", "fal-ai/kling-video/v3/pro"). */
  model: string;
  mode: GenerationMode;
  prompt: string;
  negativePrompt: string;
  /** A camera-direction preset id (static, dollyIn, pushIn, pullOut, panLeft, …) or free text. */
  cameraDirection: string;
  keyframes: { first: LocalMedia | null; middle: LocalMedia | null; last: LocalMedia | null };
  references: Array<{ name: string; file: LocalMedia }>;
  /** For videoToVideo, extend and remix. */
  sourceVideo: LocalMedia | null;
  durationSeconds: number;
  /** "16:9", "9:16", "1:1", … (adapters map it to the provider's ratio or size). */
  ratio: string;
  seed: number | null;
  audio: boolean;
  /** Frame rate wanted where the provider lets us choose (Animatic, ComfyUI); others pick their own. */
  rate: Rational;
  options: GenerationOptions;
}

/** Everything a call needs besides the request. Built by the engine for every call. */
export interface AdapterContext {
  /** The key from the secret store; null for keyless providers (Animatic, a local ComfyUI). */
  apiKey: string | null;
  /** Aborted when the job is cancelled or the engine shuts down. */
  signal: AbortSignal;
  /** Overrides the provider's base URL (tests' fake servers, ComfyUI machines, proxies). */
  baseUrl?: string;
  /** The job id: stable across restarts; adapters that can pass a client id (ComfyUI prompt_id) use it. */
  jobId: string;
  /** A folder the adapter may use for scratch files (Animatic renders there). */
  workDir: string;
  /** Binaries for adapters that run ffmpeg (Animatic). */
  binaries: { ffmpegPath(): Promise<string>; ffprobePath(): Promise<string> };
  /** Per-request timeout for status reads and other calls that are safe to repeat. */
  requestTimeoutMs: number;
  /** Timeout for the one create request (longer: uploads and slow accepts). */
  createTimeoutMs: number;
  /** Diagnostics without secrets. */
  log(message: string): void;
}

/** What `create` answers once the provider accepted the task. */
export interface CreateResult {
  /** The provider's own task / operation / prediction id (opaque; may encode a machine for ComfyUI). */
  taskId: string;
  /** The provider's own estimate at create time (Runway estimatedCost), in US cents. */
  estimatedCostCents?: number | null;
}

/** Where an output lives: a URL to fetch (may expire), or a file already on this machine. */
export type GenerationOutput =
  | { kind: 'url'; url: string; mimeType?: string; expiresAt?: string | null }
  | { kind: 'localPath'; path: string; mimeType?: string };

/** A failure as the provider reported it on a task (not an HTTP error). */
export interface ProviderFailure {
  code: ErrorCode;
  /** A sentence a creator understands; no keys, no raw payloads. */
  message: string;
  /** The provider's own failure code (SAFETY.INPUT.TEXT, content_policy_violation…). */
  detail?: string;
  /** Content moderation: never retried automatically; the user edits the shot first. */
  moderation: boolean;
  /** A new attempt (a new paid task) may succeed; offered to the user, never done automatically. */
  retryable: boolean;
}

export type PollResult =
  | {
      status: 'queued' | 'running';
      /** 0..1 when the provider reports it. */
      progress?: number | null;
      /** Waiting for provider capacity (Runway THROTTLED): shown as queued. */
      throttled?: boolean;
      estimatedCostCents?: number | null;
    }
  | { status: 'succeeded'; outputs: GenerationOutput[]; costCents?: number | null }
  | { status: 'failed'; failure: ProviderFailure; costCents?: number | null }
  | { status: 'cancelled' };

export interface CostEstimate {
  /** US cents; null when the price is unknown. */
  cents: number | null;
  /** Where the number comes from. */
  basis: 'catalog' | 'provider' | 'free' | 'unknown';
  /** Price source and date, or why it is unknown. */
  note: string;
}

export interface DownloadResult {
  bytes: number;
  contentType: string | null;
}

export interface KeyTestResult {
  ok: boolean;
  /** What the provider told us (organisation name, credit balance), never the key. */
  detail: string;
}

/**
 * An uncertain create, as the journal remembers it: enough for an adapter's list/retrieve call to
 * find the task the provider may have started.
 */
export interface UncertainCreate {
  jobId: string;
  request: GenerationRequest;
  /** ISO time the create request was sent. */
  sentAt: string;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  /** False for Animatic and a local ComfyUI. */
  readonly requiresKey: boolean;
  /** Jobs the engine runs at once for this provider (per-organisation tiers are often 1–2). */
  readonly defaultConcurrency: number;
  /** Suggested time between polls (the engine adds jitter). */
  readonly pollIntervalMs: number;
  /** Throws AppError CAPABILITY_UNSUPPORTED / BAD_REQUEST / PROVIDER_MODEL_RETIRED before any request. */
  validate(request: GenerationRequest): void;
  /** Pre-flight price from the catalog (no request leaves the machine). */
  estimateCost(request: GenerationRequest): CostEstimate;
  /** Starts the task: exactly one request that may be billed (uploads of inputs may precede it). */
  create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult>;
  /** One status read; safe to repeat. */
  poll(taskId: string, context: AdapterContext): Promise<PollResult>;
  /** Asks the provider to stop the task, where it can. */
  cancel?(taskId: string, context: AdapterContext): Promise<void>;
  /**
   * After an uncertain create: looks the task up by the provider's list endpoint or a client id.
   * Returns its id when found, null when the provider surely has none, undefined when it cannot tell.
   */
  reconcile?(uncertain: UncertainCreate, context: AdapterContext): Promise<string | null | undefined>;
  /**
   * Streams one output to `destinationFile` (the engine gives a temporary path and verifies it
   * afterwards). Throws PROVIDER_OUTPUT_EXPIRED when the link is gone (the engine polls again for
   * fresh links), PROVIDER_UNAVAILABLE (retryable) when the transfer is cut.
   */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult>;
  /** A cheap authenticated call that proves the key works (Runway organization.retrieve…). */
  testKey(context: AdapterContext): Promise<KeyTestResult>;
}
