import { describe, expect, it } from 'vitest';
import type { Paced } from '@/lib/topology/paced';
import { forEachSliced, runPaced } from './slices';

describe('forEachSliced', () => {
  it('visits every item in order and yields once a slice has run sliceMs', async () => {
    let t = 0;
    const seen: number[] = [];
    let yields = 0;
    const items = Array.from({ length: 100 }, (_, i) => i);
    // Each item "takes" 1 ms; the clock is read every 4 items; slices of 10 ms -> a yield after items 12, 24, ...
    const n = await forEachSliced(items, (x) => {
      seen.push(x);
      t += 1;
    }, { sliceMs: 10, checkEvery: 4, now: () => t, yieldFn: async () => void yields++ });
    expect(seen).toEqual(items);
    expect(n).toBe(yields);
    expect(yields).toBe(8);
  });

  it('does not yield when the work is short', async () => {
    let yields = 0;
    await forEachSliced([1, 2, 3], () => undefined, { yieldFn: async () => void yields++ });
    expect(yields).toBe(0);
  });

  it('lets other callbacks run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    let t = 0;
    await forEachSliced([1, 2, 3, 4], (x) => {
      order.push(`item ${x}`);
      t += 6;
    }, { sliceMs: 10, checkEvery: 1, now: () => t });
    expect(order).toEqual(['item 1', 'item 2', 'other', 'item 3', 'item 4']);
  });
});

describe('runPaced', () => {
  /** n items, each "taking" `ms` on the test clock. */
  function* counting(n: number, log: string[], clock: { t: number }, ms: number): Paced<number> {
    for (let i = 0; i < n; i++) {
      log.push(`item ${i}`);
      clock.t += ms;
      yield;
    }
    return n;
  }

  it('returns the result and yields at the first pause after each sliceMs of work', async () => {
    const clock = { t: 0 };
    let yields = 0;
    const log: string[] = [];
    // 4 ms an item, slices of 10 ms: a yield after items 3, 6 and 9.
    const value = await runPaced(counting(10, log, clock, 4), { sliceMs: 10, now: () => clock.t, yieldFn: async () => void yields++ });
    expect(value).toBe(10);
    expect(log).toHaveLength(10);
    expect(yields).toBe(3);
  });

  it('lets other callbacks run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    const clock = { t: 0 };
    await runPaced(counting(4, order, clock, 6), { sliceMs: 10, now: () => clock.t });
    expect(order).toEqual(['item 0', 'item 1', 'other', 'item 2', 'item 3']);
  });
});
