import { describe, expect, it } from 'vitest';
import { QueryCache } from './query-cache';

describe('QueryCache', () => {
  it('joins identical queries in flight', async () => {
    const cache = new QueryCache<number>(1_000);
    let calls = 0;
    const load = () => new Promise<number>((r) => setTimeout(() => r(++calls), 10));
    const [a, b] = await Promise.all([cache.get('q', load), cache.get('q', load)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
  });

  it('reuses an answer within the TTL and reloads after it', async () => {
    // A clock at a real epoch: lru-cache reads a start time of 0 as "no TTL".
    const t0 = 1_700_000_000_000;
    let now = t0;
    const cache = new QueryCache<number>(5_000, 10, () => now);
    let calls = 0;
    const load = async () => ++calls;
    await cache.get('q', load);
    now = t0 + 4_999;
    expect(await cache.get('q', load)).toBe(1);
    now = t0 + 5_001;
    expect(await cache.get('q', load)).toBe(2);
  });

  it('with staleMs serves the old answer past the TTL while one reload runs, then the new one; waits once the answer is older still', async () => {
    const t0 = 1_700_000_000_000;
    let now = t0;
    const cache = new QueryCache<number>(5_000, 10, () => now, 5_000);
    let calls = 0;
    let release = () => undefined as void;
    const load = () => new Promise<number>((r) => (release = () => r(++calls)));
    const first = cache.get('q', load);
    release();
    expect(await first).toBe(1);
    now = t0 + 6_000;
    expect(await cache.get('q', load)).toBe(1);
    expect(await cache.get('q', load)).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    expect(await cache.get('q', load)).toBe(2);
    now = t0 + 6_000 + 10_000;
    const waited = cache.get('q', load);
    release();
    expect(await waited).toBe(3);
  });

  it('does not cache failures', async () => {
    const cache = new QueryCache<number>(5_000);
    await expect(cache.get('q', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('q', async () => 7)).toBe(7);
  });

  it('evicts the oldest entries past its size', async () => {
    const cache = new QueryCache<number>(60_000, 2);
    let calls = 0;
    const load = async () => ++calls;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(await cache.get('a', load)).toBe(4);
  });
});
