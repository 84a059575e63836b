import { describe, expect, it } from 'vitest';
import { invalidationPrefixes, reconnectDelayMs } from './fleet-events';

describe('invalidationPrefixes', () => {
  it('dedupes and drops prefixes covered by a wider one', () => {
    const out = invalidationPrefixes(['services/bookinfo/reviews', 'services/bookinfo/details', 'workloads/us-east-1/bookinfo']);
    // workloads invalidates every service query, so the per-service keys go.
    expect(out).toContainEqual(['workloads']);
    expect(out).toContainEqual(['services']);
    expect(out.filter((k) => k[0] === 'services')).toHaveLength(1);
  });

  it('keeps one list prefix and each named detail', () => {
    const out = invalidationPrefixes(['services/bookinfo/reviews', 'services/bookinfo/details']);
    expect(out).toContainEqual(['services', 'list']);
    expect(out).toContainEqual(['services', 'detail', 'bookinfo', 'reviews']);
    expect(out).toContainEqual(['services', 'detail', 'bookinfo', 'details']);
    expect(out).toHaveLength(3);
  });

  it('refreshes everything when a cluster changes, since every envelope carries cluster states', () => {
    expect(invalidationPrefixes(['services/a/b', 'clusters/eu-central-1'])).toEqual([[]]);
  });

  it('maps control-plane changes to clusters too', () => {
    expect(invalidationPrefixes(['controlplanes/us-east-1'])).toEqual([['controlplanes'], ['clusters']]);
    expect(invalidationPrefixes([])).toEqual([]);
  });
});

describe('reconnectDelayMs', () => {
  it('backs off to a ceiling', () => {
    expect(reconnectDelayMs(1)).toBe(1000);
    expect(reconnectDelayMs(3)).toBe(4000);
    expect(reconnectDelayMs(20)).toBe(30_000);
  });
});
