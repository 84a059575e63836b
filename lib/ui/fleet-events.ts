import { keysForChange } from '../api/query-keys';

/** The distinct query-key prefixes to invalidate for one change event's keys (a batch may name one feature many times). */
export function invalidationPrefixes(keys: readonly string[]): ReadonlyArray<readonly unknown[]> {
  // Every answer's envelope carries each cluster's state: a cluster's change makes all of them stale (it is rare).
  if (keys.some((k) => k.split('/')[0] === 'clusters')) return [[]];
  const seen = new Map<string, readonly unknown[]>();
  for (const key of keys) for (const prefix of keysForChange(key)) seen.set(JSON.stringify(prefix), prefix);
  // A feature-wide prefix makes the narrower ones under it redundant.
  const all = [...seen.values()];
  return all.filter((p) => !all.some((q) => q !== p && q.length < p.length && q.every((v, i) => JSON.stringify(v) === JSON.stringify(p[i]))));
}

/** Delay before reconnecting after the n-th consecutive failure: 1 s doubling to 30 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
