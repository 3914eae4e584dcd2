import { describe, expect, it } from 'vitest';
import {
  assertSupported,
  catalog,
  catalogCostCents,
  checkAgainstCatalog,
  findModel,
  inferMode,
  providerIds,
  ratioToSize,
  type CapabilityRequest,
} from '../../../common/catalog';
import { generationModeSchema } from '../../../common/model';

const base: CapabilityRequest = {
  provider: 'runway',
  model: 'gen4.5',
  mode: 'textToVideo',
  prompt: 'A lighthouse at dusk',
  durationSeconds: 5,
  ratio: '16:9',
  audio: false,
  hasFirst: false,
  hasMiddle: false,
  hasLast: false,
  referenceCount: 0,
  hasSourceVideo: false,
};

describe('the catalog as data', () => {
  it('lists every provider once, with unique model ids and well-formed entries', () => {
    expect(catalog.map((provider) => provider.id).sort()).toEqual([...providerIds].sort());
    for (const provider of catalog) {
      expect(provider.models.length).toBeGreaterThan(0);
      expect(new Set(provider.models.map((model) => model.id)).size).toBe(provider.models.length);
      if (provider.requiresKey) expect(provider.keyEnv.length).toBeGreaterThan(0);
      for (const model of provider.models) {
        expect(model.provider).toBe(provider.id);
        expect(model.modes.length).toBeGreaterThan(0);
        for (const mode of model.modes) expect(generationModeSchema.options).toContain(mode);
        for (const ratio of model.ratios) expect(ratio).toMatch(/^\d+:\d+$/);
        if (model.price) {
          expect(model.price.cents).toBeGreaterThanOrEqual(0);
          expect(model.price.source.length).toBeGreaterThan(3);
          expect(model.price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        if (model.durations.kind === 'range')
          expect(model.durations.min).toBeLessThanOrEqual(model.durations.max);
        if (model.ratioWire)
          for (const ratio of Object.keys(model.ratioWire)) expect(model.ratios).toContain(ratio);
      }
    }
  });

  it('knows the models the issue names, with their status', () => {
    for (const id of ['gen4.5', 'gen4_turbo', 'veo3.1', 'veo3.1_fast', 'aleph2', 'gen4_aleph', 'act_two']) {
      expect(findModel('runway', id), id).not.toBeNull();
    }
    expect(findModel('runway', 'gen4_aleph')?.status.kind).toBe('legacy');
    expect(findModel('openai', 'sora-2')?.status).toMatchObject({ kind: 'retired', since: '2026-09-24' });
    expect(findModel('cometapi', 'sora-2')?.status.kind).toBe('available');
    expect(findModel('animatic', 'animatic')?.price?.cents).toBe(0);
  });
});

describe('checkAgainstCatalog', () => {
  it('accepts what a model can do', () => {
    expect(checkAgainstCatalog(base).issues).toEqual([]);
    expect(
      checkAgainstCatalog({
        ...base,
        provider: 'animatic',
        model: 'animatic',
        mode: 'firstLastFrame',
        hasFirst: true,
        hasLast: true,
        audio: true,
        ratio: '9:16',
        durationSeconds: 1,
      }).issues,
    ).toEqual([]);
  });

  it('says clearly what a model cannot do', () => {
    const turbo = checkAgainstCatalog({ ...base, model: 'gen4_turbo' });
    expect(turbo.issues.map((issue) => issue.field)).toContain('mode');
    expect(turbo.issues[0]?.message).toMatch(/cannot do text → video/);

    const ratio = checkAgainstCatalog({ ...base, ratio: '1:1' });
    expect(ratio.issues[0]).toMatchObject({ field: 'ratio', code: 'CAPABILITY_UNSUPPORTED' });
    expect(
      checkAgainstCatalog({ ...base, ratio: '1:1', mode: 'imageToVideo', hasFirst: true }).issues,
    ).toEqual([]);

    const veo = checkAgainstCatalog({
      ...base,
      provider: 'google',
      model: 'veo-3.1-generate-preview',
      mode: 'firstLastFrame',
      hasFirst: true,
      hasLast: true,
      durationSeconds: 4,
    });
    expect(veo.issues[0]?.message).toMatch(/8 s/);

    expect(checkAgainstCatalog({ ...base, durationSeconds: 11 }).issues[0]?.message).toMatch(/2–10 s.*11 s/);
    expect(checkAgainstCatalog({ ...base, audio: true }).issues[0]?.field).toBe('audio');
    expect(checkAgainstCatalog({ ...base, referenceCount: 2 }).issues[0]?.field).toBe('references');
    expect(checkAgainstCatalog({ ...base, mode: 'imageToVideo' }).issues[0]?.message).toMatch(
      /first keyframe/,
    );
    expect(checkAgainstCatalog({ ...base, prompt: 'x'.repeat(1001) }).issues[0]?.field).toBe('prompt');
    expect(checkAgainstCatalog({ ...base, prompt: '  ' }).issues[0]?.message).toMatch(/needs a prompt/);
    expect(checkAgainstCatalog({ ...base, model: 'nope' }).issues[0]?.message).toMatch(/no model "nope"/);
  });

  it('refuses retired models and warns about legacy ones', () => {
    expect(() =>
      assertSupported({ ...base, provider: 'openai', model: 'sora-2', durationSeconds: 4 }),
    ).toThrow(/retired since 2026-09-24/);
    try {
      assertSupported({ ...base, provider: 'openai', model: 'sora-2', durationSeconds: 4 });
    } catch (error) {
      expect((error as { code: string }).code).toBe('PROVIDER_MODEL_RETIRED');
    }
    const legacy = assertSupported({
      ...base,
      model: 'gen4_aleph',
      mode: 'videoToVideo',
      hasSourceVideo: true,
    });
    expect(legacy.warnings[0]).toMatch(/legacy/);
  });
});

describe('helpers', () => {
  it('infers the mode from what the shot holds', () => {
    const none = { first: false, middle: false, last: false, references: 0, sourceVideo: false };
    expect(inferMode(none)).toBe('textToVideo');
    expect(inferMode({ ...none, first: true })).toBe('imageToVideo');
    expect(inferMode({ ...none, first: true, last: true })).toBe('firstLastFrame');
    expect(inferMode({ ...none, first: true, middle: true, last: true })).toBe('middleKeyframe');
    expect(inferMode({ ...none, references: 2 })).toBe('referenceImages');
    expect(inferMode({ ...none, first: true, sourceVideo: true })).toBe('videoToVideo');
  });

  it('gives even sizes for ratios and prices from the catalog', () => {
    expect(ratioToSize('16:9', 180)).toEqual({ width: 320, height: 180 });
    expect(ratioToSize('9:16', 180)).toEqual({ width: 180, height: 320 });
    expect(ratioToSize('21:9', 180)).toEqual({ width: 420, height: 180 });
    const veo = findModel('runway', 'veo3.1');
    expect(veo && catalogCostCents(veo, 8, true)).toBe(320);
    expect(veo && catalogCostCents(veo, 8, false)).toBe(160);
    const comet = findModel('cometapi', 'veo3.1');
    expect(comet && catalogCostCents(comet, 8, true)).toBeNull();
  });
});
