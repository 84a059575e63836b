import { describe, expect, it } from 'vitest';
import { builtinKinds } from '../clusters/kinds';
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
