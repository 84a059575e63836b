import { describe, expect, it } from 'vitest';
import { forEachSliced } from './slices';

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
