import { describe, expect, it } from 'vitest';
import { builtinKinds, configKind } from '../clusters/kinds';
import type { AnyRecord } from '../clusters/kinds';
import { FleetModel } from './model';
import { collapseKeys } from './change-feed';
import { getService, getServices } from './services';
import { ALL } from './scope';

const [, services, slices, pods] = builtinKinds();
const svc = (ns: string, name: string, port = 80) => ({ namespace: ns, name, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port, protocol: 'TCP' }], labels: {}, externalAddresses: [] });
const slice = (ns: string, name: string, service: string, podsReady: Array<[string, boolean]>) => ({ namespace: ns, name, service, ports: [], endpoints: podsReady.map(([pod, ready]) => ({ addresses: ['10.1.0.1'], ready, pod })) });
const pod = (ns: string, name: string, version: string) => ({ namespace: ns, name, labels: { app: 'reviews', version }, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: `reviews-${version}` }, hasProxy: true, proxyVersion: '1.24.1', annotations: {} });

function twoClusters(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) m.upsertCluster({ name: c, displayName: c, source: 'test' });
  return m;
}

describe('FleetModel', () => {
  it('merges services by namespace sameness and counts endpoints, workloads, versions and proxies', () => {
    const m = twoClusters();
    m.apply('a', services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    m.apply('b', services!, 'bookinfo/reviews', svc('bookinfo', 'reviews', 8080) as AnyRecord);
    m.apply('a', pods!, 'bookinfo/r1', pod('bookinfo', 'r1', 'v1') as AnyRecord);
    m.apply('a', slices!, 'bookinfo/reviews-x', slice('bookinfo', 'reviews-x', 'reviews', [['r1', true], ['r2', false]]) as AnyRecord);
    const d = getService(m, ALL, 'bookinfo', 'reviews')!.data;
    expect(d.clusters).toEqual(['a', 'b']);
    expect(d.endpoints).toEqual({ ready: 1, notReady: 1 });
    expect(d.versions).toEqual(['v1']);
    expect(d.proxies).toBe(1);
    expect(d.inconsistencies[0]).toContain('ports differ');
    expect(getServices(m, ALL, { page: 1, pageSize: 10, sort: 'name' }).data.total).toBe(1);
  });

  it('merges services within one mesh only: the same namespace/name in another mesh is its own row', () => {
    const m = new FleetModel();
    for (const [c, mesh] of [['a', 'prod'], ['b', 'prod'], ['s', 'staging']] as const) m.upsertCluster({ name: c, displayName: c, source: 'test', mesh });
    for (const c of ['a', 'b', 's']) m.apply(c, services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    const page = { page: 1, pageSize: 10, sort: 'name' } as const;
    const rows = getServices(m, ALL, page).data.items;
    expect(rows.map((r) => [r.mesh, r.clusters])).toEqual([['prod', ['a', 'b']], ['staging', ['s']]]);
    expect(getServices(m, ALL, { ...page, mesh: 'staging' }).data.items.map((r) => r.clusters)).toEqual([['s']]);
    // Detail: the first mesh by name unless one is asked for, or the mesh of the cluster a link names.
    expect(getService(m, ALL, 'bookinfo', 'reviews')!.data).toMatchObject({ mesh: 'prod', clusters: ['a', 'b'], meshes: [{ mesh: 'prod', clusters: ['a', 'b'] }, { mesh: 'staging', clusters: ['s'] }] });
    expect(getService(m, ALL, 'bookinfo', 'reviews', { cluster: 's' })!.data).toMatchObject({ mesh: 'staging', clusters: ['s'] });
    expect(getService(m, ALL, 'bookinfo', 'reviews', { mesh: 'staging', cluster: 'a' })!.data.clusters).toEqual(['s']);
    expect(getService(m, ALL, 'bookinfo', 'reviews', { mesh: 'dev' })).toBeUndefined();
  });

  it('re-merges a cluster\'s services when its mesh changes; clusters without a mesh ID share the \'\' group', () => {
    const m = new FleetModel();
    for (const c of ['a', 'b']) m.upsertCluster({ name: c, displayName: c, source: 'test' });
    for (const c of ['a', 'b']) m.apply(c, services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    const page = { page: 1, pageSize: 10, sort: 'name' } as const;
    expect(getServices(m, ALL, page).data.items.map((r) => [r.mesh, r.clusters])).toEqual([['', ['a', 'b']]]);
    const keys: string[] = [];
    m.feed.subscribeUncollapsed((c) => keys.push(...c.keys));
    m.upsertCluster({ name: 'b', displayName: 'b', source: 'test', mesh: 'other' });
    m.feed.flush();
    expect(keys).toContain('services/bookinfo/reviews');
    expect(getServices(m, ALL, page).data.items.map((r) => [r.mesh, r.clusters])).toEqual([['', ['a']], ['other', ['b']]]);
  });

  it('a delete of a Service it never held (its object was skipped as malformed) changes nothing and does not throw', () => {
    const m = twoClusters();
    m.apply('a', services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    expect(() => m.apply('a', services!, 'bookinfo/never-held', undefined)).not.toThrow();
    expect([...m.services.keys()]).toEqual(['bookinfo/reviews']);
  });

  it('bumps the revision on each change and names the touched keys', async () => {
    const m = twoClusters();
    const events: string[][] = [];
    m.feed.subscribe((c) => events.push(c.keys));
    const before = m.revision;
    m.apply('a', pods!, 'bookinfo/r1', pod('bookinfo', 'r1', 'v1') as AnyRecord);
    m.apply('a', slices!, 'bookinfo/reviews-x', slice('bookinfo', 'reviews-x', 'reviews', [['r1', true]]) as AnyRecord);
    m.apply('a', pods!, 'bookinfo/r1', { ...pod('bookinfo', 'r1', 'v1'), ready: false } as AnyRecord);
    expect(m.revision).toBe(before + 3);
    m.feed.flush();
    expect(events.flat()).toEqual(expect.arrayContaining(['services/bookinfo/reviews', 'workloads/a/bookinfo/reviews-v1']));
  });

  it('a relist with nothing changed touches nothing; removal forgets the cluster', () => {
    const m = twoClusters();
    m.apply('a', services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    const rev = m.revision;
    m.replaceKind('a', services!, new Map([['bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord]]));
    expect(m.revision).toBe(rev);
    m.replaceKind('a', services!, new Map());
    expect(m.services.has('bookinfo/reviews')).toBe(false);
    m.removeCluster('b');
    expect(m.clusterNames()).toEqual(['a']);
  });

  it('a relist of identical fresh objects touches no key; one changed object touches exactly its keys', () => {
    const m = twoClusters();
    const vsKind = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);
    const vs = (name: string, rv: string) => ({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: 'bookinfo', name, resourceVersion: rv, labels: {}, annotations: {}, spec: { hosts: [name] } }) as AnyRecord;
    const podRecs = new Map(Array.from({ length: 20 }, (_, i) => [`bookinfo/r${i}`, pod('bookinfo', `r${i}`, `v${i % 3}`) as AnyRecord]));
    for (const [k, r] of podRecs) m.apply('a', pods!, k, r);
    m.apply('a', services!, 'bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord);
    m.apply('a', vsKind, 'bookinfo/v1', vs('v1', '10'));
    m.apply('a', vsKind, 'bookinfo/v2', vs('v2', '11'));
    m.feed.flush();
    const touched: string[] = [];
    m.feed.subscribeUncollapsed((c) => touched.push(...c.keys));
    const fresh = () => new Map([...podRecs].map(([k, r]) => [k, structuredClone(r)]));
    const rev = m.revision;
    m.replaceKind('a', pods!, fresh());
    m.replaceKind('a', services!, new Map([['bookinfo/reviews', svc('bookinfo', 'reviews') as AnyRecord]]));
    m.replaceKind('a', vsKind, new Map([['bookinfo/v1', vs('v1', '10')], ['bookinfo/v2', vs('v2', '11')]]));
    m.feed.flush();
    expect(m.revision).toBe(rev);
    expect(touched).toEqual([]);

    // The keys a watch event for the same change would touch.
    const twin = twoClusters();
    for (const [k, r] of podRecs) twin.apply('a', pods!, k, r);
    twin.feed.flush();
    const expected: string[] = [];
    twin.feed.subscribeUncollapsed((c) => expected.push(...c.keys));
    const changed = { ...(podRecs.get('bookinfo/r7') as object), ready: false } as AnyRecord;
    twin.apply('a', pods!, 'bookinfo/r7', changed);
    twin.feed.flush();
    const records = fresh();
    records.set('bookinfo/r7', changed);
    m.replaceKind('a', pods!, records);
    m.feed.flush();
    expect(touched.sort()).toEqual(expected.sort());
    expect(touched).toContain('workloads/a/bookinfo/reviews-v1');
    expect(m.revision).toBe(rev + 1);

    touched.length = 0;
    m.replaceKind('a', vsKind, new Map([['bookinfo/v1', vs('v1', '10')], ['bookinfo/v2', vs('v2', '12')]]));
    m.feed.flush();
    expect(touched).toEqual(['config/a/networking.istio.io/VirtualService/bookinfo/v2']);
  });

  it('resumes from a held revision, else asks for a reset', () => {
    const m = twoClusters();
    m.feed.flush();
    const from = m.revision;
    m.apply('a', services!, 'x/y', svc('x', 'y') as AnyRecord);
    m.feed.flush();
    expect(m.feed.since(from)?.[0]?.keys).toEqual(['services/x/y']);
    expect(m.feed.since(-5)).toBeUndefined();
  });

  it('collapses huge key sets to prefixes', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `services/ns${i % 3}/svc${i}`);
    expect(collapseKeys(keys)).toEqual(['services/ns0', 'services/ns1', 'services/ns2']);
  });
});
