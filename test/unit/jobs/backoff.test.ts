import { describe, expect, it } from 'vitest';
import { pollDelayMs, retryDelayMs, sleep } from '../../../main/services/jobs/backoff';
import { ProviderSlots } from '../../../main/services/jobs/providerSlots';

describe('backoff', () => {
  it('honours Retry-After with up to 20 % jitter, never less', () => {
    for (const random of [0, 0.5, 0.999]) {
      const delay = retryDelayMs(3, 2000, { baseMs: 1000, capMs: 60_000 }, () => random);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(2400);
    }
  });

  it('grows exponentially with full jitter, capped', () => {
    const policy = { baseMs: 1000, capMs: 8000 };
    expect(retryDelayMs(1, null, policy, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelayMs(3, null, policy, () => 0.999)).toBe(3996);
    expect(retryDelayMs(10, null, policy, () => 0.999)).toBeLessThanOrEqual(8000);
    expect(retryDelayMs(10, null, policy, () => 0)).toBe(500);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(5, null, policy)));
    expect(spread.size).toBeGreaterThan(5);
  });

  it('jitters polls by ±25 %', () => {
    expect(pollDelayMs(1000, () => 0)).toBe(750);
    expect(pollDelayMs(1000, () => 1)).toBe(1250);
  });

  it('sleep ends at once when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    await pending;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('ProviderSlots', () => {
  it('lets `limit` jobs in per provider and wakes the next on release', async () => {
    const slots = new ProviderSlots((provider) => (provider === 'runway' ? 2 : 1));
    const signal = new AbortController().signal;
    expect(await slots.acquire('runway', signal)).toBe(true);
    expect(await slots.acquire('runway', signal)).toBe(true);
    let third = false;
    const waiting = slots.acquire('runway', signal).then((granted) => (third = granted));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBe(false);
    expect(await slots.acquire('luma', signal)).toBe(true);
    slots.release('runway');
    await waiting;
    expect(third).toBe(true);
    expect(slots.used('runway')).toBe(2);
  });

  it('gives up waiting when the job is cancelled', async () => {
    const slots = new ProviderSlots(() => 1);
    await slots.acquire('fal', new AbortController().signal);
    const controller = new AbortController();
    const waiting = slots.acquire('fal', controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    slots.release('fal');
    expect(slots.used('fal')).toBe(0);
  });
});
