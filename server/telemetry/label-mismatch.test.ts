import { describe, expect, it } from 'vitest';
import { labelMismatch } from './label-mismatch';

describe('labelMismatch', () => {
  it('is quiet when names match', () => {
    const found = ['a', 'b'].map((value) => ({ label: 'cluster', value, source: 'global' }));
    expect(labelMismatch(['a', 'b'], found)).toEqual({ clustersWithoutMetrics: [], labelValuesWithoutCluster: [], messages: [] });
  });

  it('reports names without metrics and label values without a cluster', () => {
    const found = [
      { label: 'cluster', value: 'prod-east', source: 'global' },
      { label: 'destination_cluster', value: 'unknown', source: 'global' },
      { label: 'cluster', value: 'b', source: 'global' },
    ];
    const r = labelMismatch(['us-east-1', 'b'], found);
    expect(r.clustersWithoutMetrics).toEqual(['us-east-1']);
    expect(r.labelValuesWithoutCluster).toEqual([{ label: 'cluster', value: 'prod-east', source: 'global' }]);
    expect(r.messages[0]).toContain('"prod-east"');
    expect(r.messages[0]).toContain('us-east-1');
  });

  it('flags a per-cluster Prometheus holding another cluster and stray config keys', () => {
    const r = labelMismatch(['a', 'b'], [{ label: 'destination_cluster', value: 'b', source: 'a' }], ['a', 'zz']);
    expect(r.messages.some((m) => m.includes('configured for cluster a'))).toBe(true);
    expect(r.messages.some((m) => m.includes('"zz"'))).toBe(true);
  });

  it('does not flag a waypoint report of a cross-cluster call in the client cluster\'s Prometheus, and counts its cluster', () => {
    const r = labelMismatch(['a', 'b'], [{ label: 'destination_cluster', value: 'a', source: 'a' }, { label: 'destination_cluster', value: 'b', source: 'a', scrapedAtSource: true }]);
    expect(r).toEqual({ clustersWithoutMetrics: [], labelValuesWithoutCluster: [], messages: [] });
  });

  it('keeps hostile label values as data', () => {
    const r = labelMismatch([], [{ label: 'cluster', value: '"}<script>', source: 'global' }]);
    expect(r.labelValuesWithoutCluster[0]?.value).toBe('"}<script>');
  });
});
