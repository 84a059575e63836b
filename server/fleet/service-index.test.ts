import { describe, expect, it } from 'vitest';
import type { ServiceSummary, ServicesQuery } from '@/lib/fleet/services';
import { ServiceIndex } from './service-index';

const row = (namespace: string, name: string, clusters: string[], ready: number, kind: ServiceSummary['kind'] = 'Service', mesh = 'prod'): ServiceSummary => ({
  kind, mesh, namespace, name, hosts: [`${name}.${namespace}.svc.cluster.local`], clusters, ports: [], endpoints: { ready, notReady: 0 }, versions: [], proxies: 0, dataplanes: [], inconsistencies: [],
});
const q = (over: Partial<ServicesQuery> = {}): ServicesQuery => ({ page: 1, pageSize: 1000, sort: 'name', ...over });
const ids = (items: ServiceSummary[]) => items.map((s) => `${s.kind}:${s.namespace}/${s.name}${s.mesh === 'prod' ? '' : `@${s.mesh}`}`);

/** A deterministic pseudo-random sequence (tests must not flake). */
function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('ServiceIndex', () => {
  it('pages, sorts both ways and filters', () => {
    const truth = new Map<string, ServiceSummary[]>([
      ['a/x', [row('a', 'x', ['c1'], 3)]],
      ['b/x', [row('b', 'x', ['c1', 'c2'], 1), row('b', 'x', ['c2'], 0, 'ServiceEntry')]],
      ['a/y', [row('a', 'y', ['c2'], 2)]],
    ]);
    const idx = new ServiceIndex();
    for (const k of truth.keys()) idx.markDirty(k);
    idx.refresh((k) => truth.get(k) ?? []);
    expect(ids(idx.query(q()).items)).toEqual(['Service:a/x', 'Service:b/x', 'ServiceEntry:b/x', 'Service:a/y']);
    expect(ids(idx.query(q({ sort: '-endpoints' })).items)).toEqual(['Service:a/x', 'Service:a/y', 'Service:b/x', 'ServiceEntry:b/x']);
    expect(idx.query(q({ pageSize: 2, page: 2 }))).toMatchObject({ total: 4, items: [{ name: 'x', kind: 'ServiceEntry' }, { name: 'y' }] });
    expect(ids(idx.query(q({ cluster: 'c2', kind: 'Service' })).items)).toEqual(['Service:b/x', 'Service:a/y']);
    expect(idx.query(q({ q: 'Y.A.SVC', pageSize: 1 }))).toMatchObject({ total: 1, items: [{ name: 'y' }] });
    expect(idx.query(q({ namespace: 'b', page: 3, pageSize: 1 }))).toMatchObject({ total: 2, items: [] });
  });

  it('keeps one name\'s rows in several meshes side by side, and filters by mesh', () => {
    const truth = new Map<string, ServiceSummary[]>([
      ['bookinfo/reviews', [row('bookinfo', 'reviews', ['us-east-1', 'us-west-2'], 6), row('bookinfo', 'reviews', ['stg'], 2, 'Service', 'staging')]],
      ['bookinfo/ratings', [row('bookinfo', 'ratings', ['us-east-1'], 1), row('bookinfo', 'ratings', ['stg'], 1, 'Service', 'staging')]],
      ['a/reviews', [row('a', 'reviews', ['x'], 1, 'Service', '')]],
    ]);
    const idx = new ServiceIndex();
    for (const k of truth.keys()) idx.markDirty(k);
    idx.refresh((k) => truth.get(k) ?? []);
    expect(ids(idx.query(q()).items)).toEqual(['Service:bookinfo/ratings', 'Service:bookinfo/ratings@staging', 'Service:a/reviews@', 'Service:bookinfo/reviews', 'Service:bookinfo/reviews@staging']);
    expect(ids(idx.query(q({ mesh: 'staging' })).items)).toEqual(['Service:bookinfo/ratings@staging', 'Service:bookinfo/reviews@staging']);
    expect(ids(idx.query(q({ mesh: '' })).items)).toEqual(['Service:a/reviews@']);
    // A key's rows move as one: the staging row goes, the prod row stays.
    truth.set('bookinfo/reviews', [row('bookinfo', 'reviews', ['us-east-1', 'us-west-2'], 6)]);
    idx.markDirty('bookinfo/reviews');
    idx.refresh((k) => truth.get(k) ?? []);
    expect(ids(idx.query(q({ q: 'reviews' })).items)).toEqual(['Service:a/reviews@', 'Service:bookinfo/reviews']);
  });

  it('stays equal to a full rebuild through thousands of small changes', () => {
    const random = rng(42);
    const truth = new Map<string, ServiceSummary[]>();
    const live = new ServiceIndex();
    const touch = (k: string) => live.markDirty(k);
    const randomChange = () => {
      const k = `ns${Math.floor(random() * 5)}/svc-${Math.floor(random() * 300)}`;
      const [ns, name] = k.split('/') as [string, string];
      const r = random();
      if (r < 0.2) truth.delete(k);
      else {
        const clusters = ['c1', 'c2', 'c3'].filter(() => random() < 0.6);
        const rows = [row(ns, name, clusters.length ? clusters : ['c1'], Math.floor(random() * 10))];
        if (r > 0.85) rows.push(row(ns, name, ['c3'], 0, 'ServiceEntry'));
        if (r > 0.7) rows.push(row(ns, name, ['s1'], 1, 'Service', 'staging'));
        truth.set(k, rows);
      }
      touch(k);
    };
    for (let round = 0; round < 60; round++) {
      // Mostly small batches (incremental path), sometimes a big one (bulk path).
      const n = round % 15 === 0 ? 1500 : 1 + Math.floor(random() * 40);
      for (let i = 0; i < n; i++) randomChange();
      live.refresh((k) => truth.get(k) ?? []);
      const fresh = new ServiceIndex();
      for (const k of truth.keys()) fresh.markDirty(k);
      fresh.refresh((k) => truth.get(k) ?? []);
      for (const sort of ['name', '-namespace', 'clusters', '-endpoints'] as const) {
        const query = q({ sort, pageSize: 5000 });
        expect(ids(live.query(query).items), `round ${round} sort ${sort}`).toEqual(ids(fresh.query(query).items));
      }
      expect(live.query(q({ q: 'svc-1', cluster: 'c2' }))).toEqual(fresh.query(q({ q: 'svc-1', cluster: 'c2' })));
      expect(live.query(q({ mesh: 'staging', sort: '-clusters' }))).toEqual(fresh.query(q({ mesh: 'staging', sort: '-clusters' })));
    }
  });
});
