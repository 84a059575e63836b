/** The ChangeStore contract, run against each backend by its integration test. */
import { beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Refusal } from '@/server/errors/refusal';
import { entrySizeBytes } from '../entry-size';
import type { ChangeInput, ChangeQuery, ChangeStore } from '../types';
import { sampleChange } from './sample-change';

/** A store to test and a way to empty it between tests. */
export interface StoreUnderTest {
  store: ChangeStore;
  reset(): Promise<void>;
}

const at = (s: number) => new Date(Date.UTC(2026, 1, 1) + s * 1_000).toISOString();

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Refusal);
  return err as Refusal;
}

/** Every entry the query matches, following `next` to the end. */
async function all(store: ChangeStore, q: Omit<ChangeQuery, 'limit'>, limit = 500): Promise<ChangeInput[]> {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({ ...q, limit, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name);

export function changeStoreSuite(backend: string, open: () => Promise<StoreUnderTest>): void {
  describe(`ChangeStore on ${backend}`, () => {
    let t: StoreUnderTest;
    let store: ChangeStore;
    beforeAll(async () => {
      t = await open();
      store = t.store;
    });
    afterAll(async () => {
      await t?.store.close();
    });
    beforeEach(async () => {
      await t.reset();
    });

    it('returns appended entries newest first, ids increasing in append order, fields as given', async () => {
      const first = [sampleChange({ name: 'a' }), sampleChange({ name: 'b', namespace: undefined, kind: 'Cluster', category: 'cluster' }), sampleChange({ name: 'c' })];
      await store.append(first);
      await store.append([sampleChange({ name: 'd', diff: [], services: [] })]);
      const page = await store.query({ limit: 10 });
      expect(names(page.items)).toEqual(['d', 'c', 'b', 'a']);
      expect(page.next).toBeUndefined();
      const ids = page.items.map((e) => BigInt(e.id));
      expect([...ids].sort((x, y) => (x < y ? 1 : -1))).toEqual(ids);
      const { id, ...b } = page.items[2]!;
      expect(id).toMatch(/^[1-9][0-9]*$/);
      expect(b).toEqual(first[1]);
      expect('namespace' in b).toBe(false);
      expect(page.items[0]).toMatchObject({ diff: [], services: [] });
    });

    it('stores text PostgreSQL would refuse (NUL, unpaired surrogates) instead of failing the batch', async () => {
      await store.append([sampleChange({ name: 'nul', summary: 'a\u0000b', diff: [{ path: 'x\u0000', after: 'v\u0000\ud800' }] })]);
      const [e] = (await store.query({ limit: 1 })).items;
      expect(e?.summary).toBe('ab');
      expect(e?.diff).toEqual([{ path: 'x', after: 'v\ufffd' }]);
    });

    it('narrows by clusters, namespaces, kinds, categories, service and an inclusive time range', async () => {
      await store.append([
        sampleChange({ name: 'e1', at: at(1), cluster: 'prod-east', namespace: 'team-a', kind: 'VirtualService', category: 'config', services: ['team-a/reviews'] }),
        sampleChange({ name: 'e2', at: at(2), cluster: 'prod-west', namespace: 'team-b', kind: 'Deployment', category: 'workload', services: ['team-b/ratings', 'team-a/reviews'] }),
        sampleChange({ name: 'e3', at: at(3), cluster: 'dev', namespace: undefined, kind: 'Cluster', category: 'cluster', services: [] }),
        sampleChange({ name: 'e4', at: at(4), cluster: 'dev', namespace: 'team-a', kind: 'Service', category: 'service', services: ['team-a/details'] }),
      ]);
      const q = async (f: Omit<ChangeQuery, 'limit'>) => names(await all(store, f));
      expect(await q({})).toEqual(['e4', 'e3', 'e2', 'e1']);
      expect(await q({ clusters: ['dev', 'prod-west'] })).toEqual(['e4', 'e3', 'e2']);
      expect(await q({ clusters: [] })).toEqual([]);
      expect(await q({ namespaces: ['team-a'] })).toEqual(['e4', 'e1']);
      expect(await q({ kinds: ['Deployment', 'Cluster'] })).toEqual(['e3', 'e2']);
      expect(await q({ categories: ['config', 'service'] })).toEqual(['e4', 'e1']);
      expect(await q({ service: 'team-a/reviews' })).toEqual(['e2', 'e1']);
      expect(await q({ service: 'team-a/nothing' })).toEqual([]);
      expect(await q({ from: at(2), to: at(3) })).toEqual(['e3', 'e2']);
      expect(await q({ from: at(4) })).toEqual(['e4']);
      expect(await q({ to: at(1) })).toEqual(['e1']);
      expect(await q({ clusters: ['dev'], namespaces: ['team-a'], service: 'team-a/details' })).toEqual(['e4']);
    });

    it('shows only what the visible selectors cover; cluster-level entries by the cluster glob alone', async () => {
      await store.append([
        sampleChange({ name: 'pe-a', cluster: 'prod-east', namespace: 'team-a' }),
        sampleChange({ name: 'pe-a2', cluster: 'prod-east', namespace: 'team-a-2' }),
        sampleChange({ name: 'pe-b', cluster: 'prod-east', namespace: 'team-b' }),
        sampleChange({ name: 'pe-cluster', cluster: 'prod-east', namespace: undefined, kind: 'Cluster', category: 'cluster' }),
        sampleChange({ name: 'dev-a', cluster: 'dev', namespace: 'team-a' }),
        sampleChange({ name: 'dev-cluster', cluster: 'dev', namespace: undefined, kind: 'Cluster', category: 'cluster' }),
        sampleChange({ name: 'axb', cluster: 'axb', namespace: 'n%x' }),
      ]);
      const q = async (visible: ChangeQuery['visible']) => names(await all(store, { visible })).sort();
      expect(await q(undefined)).toHaveLength(7);
      expect(await q([])).toEqual([]);
      expect(await q([{ cluster: 'prod-*', namespace: 'team-a*' }])).toEqual(['pe-a', 'pe-a2', 'pe-cluster']);
      expect(await q([{ cluster: 'prod-east', namespace: 'team-a' }])).toEqual(['pe-a', 'pe-cluster']);
      expect(await q([{ cluster: '*', namespace: 'team-a' }])).toEqual(['dev-a', 'dev-cluster', 'pe-a', 'pe-cluster']);
      expect(await q([{ cluster: 'dev', namespace: 'nothing' }, { cluster: 'p*t', namespace: '*-b' }])).toEqual(['dev-cluster', 'pe-b', 'pe-cluster']);
      expect(await q([{ cluster: '*', namespace: '*' }])).toHaveLength(7);
      // `_` and `%` are no wildcards here: only `*` is.
      expect(await q([{ cluster: 'a_b', namespace: '*' }])).toEqual([]);
      expect(await q([{ cluster: 'axb', namespace: 'n_x' }])).toEqual([]);
      expect(await q([{ cluster: 'axb', namespace: 'n%x' }])).toEqual(['axb']);
    });

    it('counts objects changed again and again since a time: changes only, per cluster, the busiest first, within the visible selectors', async () => {
      const t0 = Date.UTC(2026, 5, 1);
      const at = (s: number) => new Date(t0 + s * 1000).toISOString();
      const vs = (cluster: string, s: number, over: Partial<ChangeInput> = {}) => sampleChange({ name: 'payments', namespace: 'payments', cluster, at: at(s), ...over });
      await store.append([
        vs('east', 0), // before the window
        ...[10, 13, 16, 19, 22].map((s) => vs('east', s)),
        ...[11, 14, 17].map((s) => vs('west', s)),
        vs('west', 20, { action: 'created' }),
        vs('west', 21, { action: 'deleted' }),
        ...[12, 15].map((s) => vs('east', s, { name: 'other' })),
        ...[12, 15, 18].map((s) => vs('east', s, { category: 'workload', kind: 'Deployment', name: 'payments-v1' })),
      ]);
      const rows = await store.churn({ from: at(5), minChanges: 3, categories: ['config'], limit: 10 });
      expect(rows.map((r) => [r.cluster, r.kind, r.namespace, r.name, r.changes])).toEqual([
        ['east', 'VirtualService', 'payments', 'payments', 5],
        ['west', 'VirtualService', 'payments', 'payments', 3],
      ]);
      expect(rows[0]).toMatchObject({ category: 'config', firstAt: at(10), lastAt: at(22) });
      expect((await store.churn({ from: at(5), minChanges: 3, limit: 10 })).map((r) => r.name)).toEqual(['payments', 'payments-v1', 'payments']);
      expect((await store.churn({ from: at(5), minChanges: 3, categories: ['config'], limit: 1 })).map((r) => r.cluster)).toEqual(['east']);
      expect((await store.churn({ from: at(5), minChanges: 3, categories: ['config'], limit: 10, visible: [{ cluster: 'west', namespace: '*' }] })).map((r) => r.cluster)).toEqual(['west']);
      expect(await store.churn({ from: at(5), minChanges: 3, limit: 10, visible: [] })).toEqual([]);
      expect(await store.churn({ from: at(23), minChanges: 2, limit: 10 })).toEqual([]);
    });

    it('pages with a cursor without duplicates or skips while newer entries are appended', async () => {
      await store.append(Array.from({ length: 25 }, (_, i) => sampleChange({ name: `old-${i}` })));
      const seen: string[] = [];
      let page = await store.query({ limit: 10 });
      seen.push(...names(page.items));
      let added = 0;
      while (page.next) {
        await store.append([sampleChange({ name: `new-${added++}` }), sampleChange({ name: `new-${added++}` })]);
        page = await store.query({ limit: 10, cursor: page.next });
        seen.push(...names(page.items));
      }
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `old-${24 - i}`));
      expect(added).toBe(4);
      expect(names((await store.query({ limit: 2 })).items)).toEqual(['new-3', 'new-2']);
    });

    it('gives no next when the last page is exactly full, and pages filtered queries', async () => {
      await store.append(Array.from({ length: 20 }, (_, i) => sampleChange({ name: `e${i}`, cluster: i % 2 ? 'odd' : 'even' })));
      const p1 = await store.query({ limit: 10 });
      const p2 = await store.query({ limit: 10, cursor: p1.next });
      expect(p2.items).toHaveLength(10);
      expect(p2.next).toBeUndefined();
      const odd = await all(store, { clusters: ['odd'] }, 3);
      expect(names(odd)).toEqual(['e19', 'e17', 'e15', 'e13', 'e11', 'e9', 'e7', 'e5', 'e3', 'e1']);
    });

    it('refuses a cursor it did not give, a limit outside 1-500 and a time that is not one', async () => {
      await store.append([sampleChange()]);
      for (const cursor of ['not a cursor', 'YWJj', '', 'MA', Buffer.from('99999999999999999999').toString('base64url'), 'MTIz=']) {
        const r = await refusal(store.query({ limit: 10, cursor }));
        expect([r.kind, r.code], cursor).toEqual(['bad_input', 'bad_cursor']);
        expect(r.message).toMatch(/cursor/);
      }
      for (const limit of [0, 501, 1.5, -1, Number.NaN]) {
        const r = await refusal(store.query({ limit }));
        expect([r.kind, r.code], String(limit)).toEqual(['bad_input', 'bad_limit']);
      }
      expect((await refusal(store.query({ limit: 1, from: 'yesterday' }))).code).toBe('bad_time');
      expect((await refusal(store.query({ limit: 1, visible: [], to: 'soon' }))).code).toBe('bad_time');
      expect((await store.query({ limit: 500 })).items).toHaveLength(1);
    });

    it('gets one entry by id; unknown and malformed ids are undefined', async () => {
      await store.append([sampleChange({ name: 'x' }), sampleChange({ name: 'y' })]);
      const [y, x] = (await store.query({ limit: 2 })).items;
      expect(await store.get(x!.id)).toEqual(x);
      expect(await store.get(y!.id)).toEqual(y);
      expect(await store.get(String(BigInt(y!.id) + 1000n))).toBeUndefined();
      for (const id of ['abc', '0', '-1', '1.5', '', '99999999999999999999']) expect(await store.get(id), id).toBeUndefined();
    });

    it('returns the gaps overlapping a range, oldest first, open ones included', async () => {
      await store.recordGap({ from: at(10), to: at(20), reason: 'b' });
      await store.recordGap({ from: at(0), to: at(5), reason: 'a' });
      await store.recordGap({ from: at(30), reason: 'open' });
      await store.recordGap({ from: at(12), to: at(14), reason: 'overlapping b, from another replica' });
      const reasons = async (from?: string, to?: string) => (await store.gaps(from, to)).map((g) => g.reason);
      expect(await store.gaps()).toEqual([
        { from: at(0), to: at(5), reason: 'a' },
        { from: at(10), to: at(20), reason: 'b' },
        { from: at(12), to: at(14), reason: 'overlapping b, from another replica' },
        { from: at(30), reason: 'open' },
      ]);
      expect(await reasons(at(6), at(9))).toEqual([]);
      expect(await reasons(at(5), at(10))).toEqual(['a', 'b']);
      expect(await reasons(at(15), at(25))).toEqual(['b']);
      expect(await reasons(at(100), at(200))).toEqual(['open']);
      expect(await reasons(undefined, at(3))).toEqual(['a']);
      expect(await reasons(at(21))).toEqual(['open']);
      expect((await refusal(store.gaps('never'))).code).toBe('bad_time');
    });

    it('prunes entries older than a time', async () => {
      await store.append([0, 1, 2, 3].map((s) => sampleChange({ name: `t${s}`, at: at(s * 60) })));
      expect(await store.prune({ before: new Date(at(120)) })).toBe(2);
      expect(names(await all(store, {}))).toEqual(['t3', 't2']);
      expect(await store.prune({ before: new Date(at(0)) })).toBe(0);
    });

    it('counts bytes per entry and prunes the oldest until the store fits maxBytes', async () => {
      const entries = Array.from({ length: 6 }, (_, i) => sampleChange({ name: `b${i}`, summary: 'x'.repeat(100 * (i + 1)) }));
      await store.append(entries);
      const sizes = entries.map(entrySizeBytes);
      expect(await store.sizeBytes()).toBe(sizes.reduce((a, b) => a + b, 0));
      const newestThree = sizes[3]! + sizes[4]! + sizes[5]!;
      expect(await store.prune({ before: new Date(0), maxBytes: newestThree + sizes[2]! - 1 })).toBe(3);
      expect(names(await all(store, {}))).toEqual(['b5', 'b4', 'b3']);
      expect(await store.sizeBytes()).toBe(newestThree);
      expect(await store.prune({ before: new Date(0), maxBytes: newestThree })).toBe(0);
      expect(await store.prune({ before: new Date(0), maxBytes: 0 })).toBe(3);
      expect(await store.sizeBytes()).toBe(0);
    });

    it('prunes by time first, then by size', async () => {
      const entries = [0, 1, 2].map((s) => sampleChange({ name: `m${s}`, at: at(s * 60) }));
      await store.append(entries);
      const n = await store.prune({ before: new Date(at(60)), maxBytes: entrySizeBytes(entries[2]!) });
      expect(n).toBe(2);
      expect(names(await all(store, {}))).toEqual(['m2']);
    });

    it('appends large batches in one call, in order', async () => {
      const many = Array.from({ length: 1_200 }, (_, i) => sampleChange({ name: `n${i}` }));
      await store.append(many);
      const got = await all(store, {});
      expect(got).toHaveLength(1_200);
      expect(got[0]?.name).toBe('n1199');
      expect(got[1_199]?.name).toBe('n0');
    });
  });
}
