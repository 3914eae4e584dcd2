import {
  assertSupported,
  catalogCostCents,
  findModel,
  type CapabilityRequest,
  type CatalogModel,
} from '../../common/catalog';
import type { CostEstimate, GenerationRequest } from './types';

/** What the catalog checks, from a resolved request. */
export function capabilityRequestOf(request: GenerationRequest): CapabilityRequest {
  return {
    provider: request.provider,
    model: request.model,
    mode: request.mode,
    prompt: request.prompt,
    durationSeconds: request.durationSeconds,
    ratio: request.ratio,
    audio: request.audio,
    hasFirst: request.keyframes.first !== null,
    hasMiddle: request.keyframes.middle !== null,
    hasLast: request.keyframes.last !== null,
    referenceCount: request.references.length,
    hasSourceVideo: request.sourceVideo !== null,
    ...(request.options.resolution !== undefined ? { resolution: request.options.resolution } : {}),
  };
}

/** The adapters' shared `validate`: the catalog's verdict, thrown as an AppError. */
export function validateWithCatalog(request: GenerationRequest): CatalogModel {
  return assertSupported(capabilityRequestOf(request)).model;
}

/** The adapters' shared pre-flight estimate from the catalog price. */
export function estimateFromCatalog(request: GenerationRequest): CostEstimate {
  const model = findModel(request.provider, request.model);
  if (!model?.price) {
    return { cents: null, basis: 'unknown', note: 'This provider does not publish a price Shotloom knows.' };
  }
  const seconds =
    request.sourceVideo?.durationSeconds !== undefined && model.durations.kind === 'fromSource'
      ? Math.ceil(request.sourceVideo.durationSeconds)
      : request.durationSeconds;
  const cents = catalogCostCents(model, seconds, request.audio);
  if (cents === 0) return { cents: 0, basis: 'free', note: model.price.source };
  return {
    cents,
    basis: 'catalog',
    note: `${model.price.withAudioCents !== undefined && request.audio ? model.price.withAudioCents : model.price.cents} ¢/s × ${seconds} s (${model.price.source}, ${model.price.date})`,
  };
}
