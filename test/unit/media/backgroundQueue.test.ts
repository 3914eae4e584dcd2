import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '../../../common/async/mapWithLimit';
import { BackgroundQueue } from '../../../main/services/media/backgroundQueue';

const later = <T>(value: T, ms: number, signal?: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

describe('BackgroundQueue', () => {
  it('runs at most `concurrency` tasks at once and joins tasks with the same key', async () => {
    const queue = new BackgroundQueue(2);
    let running = 0;
    let peak = 0;
    let runs = 0;
    const task = (value: number) => async () => {
      runs += 1;
      running += 1;
      peak = Math.max(peak, running);
      await later(null, 15);
      running -= 1;
      return value;
    };
    const results = await Promise.all([
      queue.run('a', task(1)),
      queue.run('b', task(2)),
      queue.run('c', task(3)),
      queue.run('a', task(99)),
      queue.run('d', task(4)),
    ]);
    expect(results).toEqual([1, 2, 3, 1, 4]);
    expect(peak).toBe(2);
    expect(runs).toBe(4);
    await queue.onIdle();
    expect(queue.size).toBe(0);
  });

  it('cancels queued and running tasks with CANCELLED, and moves urgent work to the front', async () => {
    const queue = new BackgroundQueue(1);
    const order: string[] = [];
    const first = queue.run('first', (signal) => later('first', 40, signal));
    const queued = queue.run('queued', async () => {
      order.push('queued');
      return 'queued';
    });
    const urgent = queue.run(
      'urgent',
      async () => {
        order.push('urgent');
        return 'urgent';
      },
      { front: true },
    );
    expect(queue.cancel('queued')).toBe(true);
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(queue.cancel('first')).toBe(true);
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await urgent).toBe('urgent');
    expect(order).toEqual(['urgent']);
    expect(queue.cancel('nothing')).toBe(false);
  });

  it('mapWithLimit keeps order and bounds parallelism', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithLimit([5, 1, 4, 2, 3], 3, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      await later(null, value * 3);
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(3);
  });
});
