import { describe, expect, it } from 'vitest';
import { moveActive, searchHits } from './search-results';

describe('searchHits', () => {
  const src = {
    clusters: [{ name: 'us-east-1', mesh: 'prod', state: 'ok' }, { name: 'eu-central-1', mesh: 'prod', state: 'ok' }],
    services: [{ namespace: 'bookinfo', name: 'reviews', mesh: 'prod', clusters: ['us-east-1', 'us-west-2'] }],
    workloads: [{ namespace: 'bookinfo', canonicalService: 'reviews', canonicalRevision: 'v3', clusters: ['us-west-2'] }],
    config: [
      { cluster: 'us-east-1', group: 'networking.istio.io', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' },
      { cluster: 'us-west-2', group: 'networking.istio.io', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' },
    ],
  };

  it('returns nothing for a blank query', () => expect(searchHits('  ', src)).toEqual([]));

  it('lists clusters, services, workloads and config (deduplicated across clusters) with links', () => {
    const hits = searchHits('us-east', { clusters: src.clusters });
    expect(hits.map((h) => h.href)).toEqual(['/clusters/us-east-1']);
    const all = searchHits('reviews', src);
    expect(all.map((h) => [h.kind, h.href])).toEqual([
      ['service', '/services/bookinfo/reviews?mesh=prod'],
      ['workload', '/services/bookinfo/reviews'],
      ['config', '/config?object=networking.istio.io%2FDestinationRule%2Fbookinfo%2Freviews'],
    ]);
  });

  it('names the mesh of a workload group: the same revision in two meshes is two hits with two links', () => {
    const workloads = ['prod', 'staging'].map((mesh) => ({ namespace: 'bookinfo', canonicalService: 'reviews', canonicalRevision: 'v1', mesh, clusters: [mesh === 'prod' ? 'us-east-1' : 'staging-us-east-1'] }));
    expect(searchHits('reviews', { workloads }).map((h) => [h.detail, h.href])).toEqual([
      ['workload · mesh prod · bookinfo · us-east-1', '/services/bookinfo/reviews?mesh=prod'],
      ['workload · mesh staging · bookinfo · staging-us-east-1', '/services/bookinfo/reviews?mesh=staging'],
    ]);
  });

  it('moves the active row with wrap-around', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
