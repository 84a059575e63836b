import { describe, expect, it } from 'vitest';
import { clustersNeedingBanner, clusterStateTone, countClusterStates, oldestDataAge } from './cluster-states';

const clusters = {
  b: { state: 'ok' as const, dataAgeSeconds: 2 },
  a: { state: 'unreachable' as const, reason: 'connection refused', dataAgeSeconds: 95 },
  c: { state: 'syncing' as const, dataAgeSeconds: 0 },
  d: { state: 'ok' as const, dataAgeSeconds: 1 },
};

describe('cluster states', () => {
  it('counts worst first', () => {
    expect(countClusterStates(clusters)).toEqual([
      { state: 'unreachable', count: 1 },
      { state: 'syncing', count: 1 },
      { state: 'ok', count: 2 },
    ]);
    expect(countClusterStates({})).toEqual([]);
  });

  it('lists banners for every cluster that is not ok, worst first', () => {
    expect(clustersNeedingBanner(clusters).map((b) => b.cluster)).toEqual(['a', 'c']);
    expect(clustersNeedingBanner(clusters)[0]?.reason).toBe('connection refused');
  });

  it('tones and ages', () => {
    expect(clusterStateTone('stale')).toBe('warn');
    expect(clusterStateTone('forbidden')).toBe('fail');
    expect(oldestDataAge(clusters)).toBe(95);
    expect(oldestDataAge({})).toBeUndefined();
  });
});
