import type { ExternalLinkId } from '../contract/channels/app';
import type { GenerationMode } from '../model/schema/shot';
import type { ProviderId } from './providerIds';

/** Durations a model takes, in whole seconds. `fromSource`: set by the input video (video→video). */
export type DurationRule =
  { kind: 'list'; values: number[] } | { kind: 'range'; min: number; max: number } | { kind: 'fromSource' };

/** A price in US cents per output second, with where it comes from and when it was read. */
export interface PricePerSecond {
  cents: number;
  /** When audio costs more (Runway veo3.1 audio on). */
  withAudioCents?: number;
  /** "runwayml/skills SKILL.md", "[3rd-party] inference.sh"… */
  source: string;
  /** ISO date the price was read. */
  date: string;
}

export type ModelStatus =
  | { kind: 'available' }
  /** Still sendable, but dropped from the provider's SDK or superseded: works with a warning. */
  | { kind: 'legacy'; note: string }
  /** Refused before any request leaves the machine. */
  | { kind: 'retired'; since: string | null; note: string };

/** What differs for one mode (Veo needs 8 s with first+last frames or references). */
export interface ModeRule {
  durations?: DurationRule;
  ratios?: string[];
  /** Needs a prompt in this mode. */
  promptRequired?: boolean;
}

export interface CatalogModel {
  provider: ProviderId;
  /** The id the provider's API takes (or the endpoint id for fal, owner/name for Replicate). */
  id: string;
  label: string;
  modes: GenerationMode[];
  durations: DurationRule;
  /** Portable ratios ("16:9"); for size-based providers, the ratios their sizes give. */
  ratios: string[];
  /** The provider's own spelling of a ratio when it differs ("16:9" → "1280:720"). */
  ratioWire?: Record<string, string>;
  /** Exact output sizes a size-based provider takes ("1280x720"). */
  sizes?: string[];
  /** Resolution labels the model offers (720p, 1080p, 4k…). */
  resolutions?: string[];
  audio: 'none' | 'optional' | 'always';
  /** Reference images (characters, props); 0 when the model takes none. */
  maxReferences: number;
  /** Longest prompt in characters, when the provider documents one. */
  maxPromptLength?: number;
  promptRequired: boolean;
  modeRules?: Partial<Record<GenerationMode, ModeRule>>;
  price: PricePerSecond | null;
  status: ModelStatus;
  notes?: string;
}

export interface CatalogProvider {
  id: ProviderId;
  label: string;
  /** Environment variables that hold a key, first match wins; empty for keyless providers. */
  keyEnv: string[];
  requiresKey: boolean;
  /** Runs on this machine (Animatic; ComfyUI on the user's GPUs). */
  local: boolean;
  keysLink: ExternalLinkId | null;
  /** The official SDK the adapter is built on (npm name@version), or null for plain HTTP. */
  sdk: string | null;
  models: CatalogModel[];
}
