import { describe, expect, it } from 'vitest';
import { builtinKinds, type AnyRecord } from '../clusters/kinds';
import { FleetModel } from './model';
import { ALL, type VisibilityScope } from './scope';
import { getWorkloads } from './workloads';
import { parseSelector } from '@/lib/access/selector';

const kinds = builtinKinds();
const spec = (role: string) => kinds.find((k) => k.role === role)!;
const pods = spec('pods');
const meshConfigs = spec('meshconfigs');

const pod = (name: string, version: string) =>
  ({ namespace: 'bookinfo', name, labels: { app: 'reviews', version }, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: `reviews-${version}` }, hasProxy: true, proxyVersion: '1.24.1', annotations: {} }) as AnyRecord;

/** Prod clusters a and b (mesh configured), staging cluster s (mesh from its MeshConfig), each running bookinfo/reviews v1; b also v2. */
function prodAndStaging(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) m.upsertCluster({ name: c, displayName: c, source: 'test', mesh: 'prod' });
  m.upsertCluster({ name: 's', displayName: 's', source: 'test' });
  m.apply('s', meshConfigs, 'istio-system/istio', { namespace: 'istio-system', name: 'istio', revision: 'default', meshId: 'staging' } as AnyRecord);
  for (const c of ['a', 'b', 's']) m.apply(c, pods, 'bookinfo/r1', pod('r1', 'v1'));
  m.apply('b', pods, 'bookinfo/r2', pod('r2', 'v2'));
  return m;
}

const page = { page: 1, pageSize: 50 } as const;
const shape = (m: FleetModel, scope: VisibilityScope = ALL, extra: Record<string, string> = {}) =>
  getWorkloads(m, scope, { ...page, ...extra }).data.items.map((g) => [g.mesh, `${g.namespace}/${g.canonicalService}/${g.canonicalRevision}`, g.clusters, g.workloads.map((w) => w.cluster)]);

describe('getWorkloads', () => {
  it('groups within one mesh only: the same canonical service in a staging-mesh cluster is its own group', () => {
    expect(shape(prodAndStaging())).toEqual([
      ['prod', 'bookinfo/reviews/v1', ['a', 'b'], ['a', 'b']],
      ['prod', 'bookinfo/reviews/v2', ['b'], ['b']],
      ['staging', 'bookinfo/reviews/v1', ['s'], ['s']],
    ]);
  });

  it('filters by mesh, \'\' being the clusters without a mesh ID', () => {
    const m = prodAndStaging();
    m.upsertCluster({ name: 'x', displayName: 'x', source: 'test' });
    m.apply('x', pods, 'bookinfo/r1', pod('r1', 'v1'));
    expect(shape(m, ALL, { mesh: 'staging' })).toEqual([['staging', 'bookinfo/reviews/v1', ['s'], ['s']]]);
    expect(shape(m, ALL, { mesh: '' })).toEqual([['', 'bookinfo/reviews/v1', ['x'], ['x']]]);
    // '' sorts before named meshes, as on /services.
    expect(shape(m, ALL, { q: 'reviews' }).map(([mesh, key]) => `${mesh}:${key}`)).toEqual([':bookinfo/reviews/v1', 'prod:bookinfo/reviews/v1', 'prod:bookinfo/reviews/v2', 'staging:bookinfo/reviews/v1']);
    expect(getWorkloads(m, ALL, { ...page, mesh: 'dev' }).data.total).toBe(0);
  });

  it('follows a cluster whose mesh moves, and keeps a scoped caller to its clusters', () => {
    const m = prodAndStaging();
    m.upsertCluster({ name: 'b', displayName: 'b', source: 'test', mesh: 'staging' });
    expect(shape(m).map(([mesh, key, clusters]) => [mesh, key, clusters])).toEqual([
      ['prod', 'bookinfo/reviews/v1', ['a']],
      ['staging', 'bookinfo/reviews/v1', ['b', 's']],
      ['staging', 'bookinfo/reviews/v2', ['b']],
    ]);
    const onlyS: VisibilityScope = { kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: [parseSelector('s/bookinfo')] }] };
    expect(shape(m, onlyS)).toEqual([['staging', 'bookinfo/reviews/v1', ['s'], ['s']]]);
  });
});
