import 'server-only';
import { LRUCache } from 'lru-cache';

/**
 * Reuses answers for a short time and joins identical queries already in
 * flight, so 100 users opening one page send one query per Prometheus.
 * Failures are not cached: the next caller tries again. With `staleMs`, an
 * answer past its TTL is still served for that long while one reload runs
 * in the background, so no caller waits for Prometheus every TTL; a failed
 * reload drops the answer, and an answer older still is waited for.
 * lru-cache does the bookkeeping (size, TTL, in-flight joins, background reloads).
 */
export class QueryCache<T extends NonNullable<unknown>> {
  private readonly lru: LRUCache<string, T, () => Promise<T>>;

  constructor(
    ttlMs: number,
    maxEntries = 5_000,
    now: () => number = Date.now,
    private readonly staleMs = 0,
  ) {
    this.lru = new LRUCache<string, T, () => Promise<T>>({
      max: maxEntries,
      // A TTL of 0 would mean "forever" to lru-cache; 1 ms keeps only the in-flight join.
      ttl: Math.max(ttlMs, 1),
      ttlResolution: 0,
      perf: { now },
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    // Remaining TTL goes negative as an answer ages past it; 0 when there is none.
    const withinStaleWindow = this.lru.getRemainingTTL(key) > -this.staleMs;
    const value = await this.lru.fetch(key, { context: load, allowStale: this.staleMs > 0 && withinStaleWindow });
    if (value === undefined) throw new Error(`query cache: no answer for ${key.slice(0, 80)}`);
    return value;
  }
}
