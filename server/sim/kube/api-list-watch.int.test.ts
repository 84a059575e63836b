import { CoreV1Api, makeInformer, Watch, type V1ConfigMap } from '@kubernetes/client-node';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configMap, startTestCluster, waitFor, type TestCluster } from './test-support';

let c: TestCluster;

/** GET through node:https with the admin token, returning the raw body. */
async function rawGet(tc: TestCluster, path: string): Promise<{ status: number; body: string }> {
  const opts: https.RequestOptions = {};
  await tc.kc().applyToHTTPSOptions(opts);
  return new Promise((resolve, reject) => {
    https
      .get(new URL(tc.server.url + path), opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}
beforeAll(async () => {
  c = await startTestCluster({ bookmarkIntervalMs: 300 });
});
afterAll(async () => {
  await c?.server.stop();
});

describe('list and watch through @kubernetes/client-node', () => {
  it('lists namespaced, all-namespaces and cluster-scoped objects with a resourceVersion', async () => {
    c.store.apply(configMap('one', 'list-a', { app: 'x', tier: 'web' }));
    c.store.apply(configMap('two', 'list-a', { app: 'y' }));
    c.store.apply(configMap('three', 'list-b', { app: 'x' }));
    c.store.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'list-a' } });
    const api = c.kc().makeApiClient(CoreV1Api);
    const inA = await api.listNamespacedConfigMap({ namespace: 'list-a' });
    expect(inA.items.map((i) => i.metadata?.name)).toEqual(['one', 'two']);
    expect(Number(inA.metadata?.resourceVersion)).toBe(c.store.resourceVersion);
    const all = await api.listConfigMapForAllNamespaces({ labelSelector: 'app in (x),tier' });
    expect(all.items.map((i) => i.metadata?.name)).toEqual(['one']);
    const notX = await api.listConfigMapForAllNamespaces({ labelSelector: 'app!=x,!tier' });
    expect(notX.items.map((i) => i.metadata?.name)).toContain('two');
    expect(notX.items.map((i) => i.metadata?.name)).not.toContain('three');
    const byField = await api.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.namespace=list-b,metadata.name=three' });
    expect(byField.items.map((i) => i.metadata?.name)).toEqual(['three']);
    const ns = await api.readNamespace({ name: 'list-a' });
    expect(ns.metadata?.uid).toBeTruthy();
  });

  it('paginates with limit/continue, returning every object exactly once despite concurrent writes', async () => {
    for (let i = 0; i < 23; i++) c.store.apply(configMap(`page-${String(i).padStart(2, '0')}`, 'paging'));
    const api = c.kc().makeApiClient(CoreV1Api);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await api.listNamespacedConfigMap({ namespace: 'paging', limit: 5, _continue: token });
      seen.push(...page.items.map((i) => i.metadata?.name ?? ''));
      token = page.metadata?._continue;
      pages++;
      // Writes between pages must not leak into the snapshot.
      c.store.apply(configMap(`late-${pages}`, 'paging'));
      if (pages === 2) c.store.delete('v1', 'ConfigMap', 'paging', 'page-20');
    } while (token);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.every((n) => n.startsWith('page-'))).toBe(true);
  });

  it('answers LIST pages whose bytes are JSON.stringify of the list (spliced from the stored objects\' JSON)', async () => {
    for (let i = 0; i < 7; i++) c.store.apply(configMap(`raw-${i}`, 'raw', { i: String(i % 2) }, { 'k"é': `v\n${i}` }));
    const { body, status } = await rawGet(c, '/api/v1/namespaces/raw/configmaps?limit=2&labelSelector=i%3D1');
    expect(status).toBe(200);
    const page = JSON.parse(body) as { kind: string; metadata: { continue?: string; remainingItemCount?: number }; items: Array<{ metadata: { name: string } }> };
    expect(body).toBe(JSON.stringify(page));
    expect(page.kind).toBe('ConfigMapList');
    expect(page.items.map((o) => o.metadata.name)).toEqual(['raw-1', 'raw-3']);
    expect(page.metadata.remainingItemCount).toBe(1);
    const last = await rawGet(c, `/api/v1/namespaces/raw/configmaps?limit=2&labelSelector=i%3D1&continue=${encodeURIComponent(page.metadata.continue ?? '')}`);
    const rest = JSON.parse(last.body) as typeof page;
    expect(last.body).toBe(JSON.stringify(rest));
    expect(rest.items.map((o) => o.metadata.name)).toEqual(['raw-5']);
    expect(rest.metadata.continue).toBeUndefined();
    const one = await rawGet(c, '/api/v1/namespaces/raw/configmaps/raw-2');
    expect(JSON.parse(one.body)).toEqual(JSON.parse(JSON.stringify(c.store.get('v1', 'ConfigMap', 'raw', 'raw-2'))));
  });

  it('rejects a continue token older than the history with 410 Expired', async () => {
    const api = c.kc().makeApiClient(CoreV1Api);
    const first = await api.listNamespacedConfigMap({ namespace: 'paging', limit: 2 });
    c.store.apply(configMap('after-token', 'paging'));
    c.store.history.compact(c.store.resourceVersion);
    const err = await api.listNamespacedConfigMap({ namespace: 'paging', limit: 2, _continue: first.metadata?._continue }).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(410);
    expect(String((err as { body?: unknown }).body)).toContain('"reason":"Expired"');
    const exact = await api
      .listNamespacedConfigMap({ namespace: 'paging', resourceVersion: first.metadata?.resourceVersion, resourceVersionMatch: 'Exact' })
      .catch((e: unknown) => e);
    expect((exact as { code?: number }).code).toBe(410);
  });

  it('watch delivers ADDED, MODIFIED and DELETED for store changes, and bookmarks', async () => {
    const events: Array<[string, string | undefined]> = [];
    const w = new Watch(c.kc());
    const list = await c.kc().makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: 'watched' });
    let done: unknown = 'open';
    const ctl = await w.watch(
      '/api/v1/namespaces/watched/configmaps',
      { allowWatchBookmarks: true, resourceVersion: list.metadata?.resourceVersion, labelSelector: 'keep=yes' },
      (type: string, obj: V1ConfigMap) => events.push([type, type === 'BOOKMARK' ? obj.metadata?.resourceVersion : obj.metadata?.name]),
      (err: unknown) => (done = err),
    );
    try {
      c.store.apply(configMap('w1', 'watched', { keep: 'yes' }));
      c.store.apply(configMap('other', 'watched', { keep: 'no' }));
      c.store.apply(configMap('w1', 'watched', { keep: 'yes' }, { v: '2' }));
      c.store.apply(configMap('elsewhere', 'not-watched', { keep: 'yes' }));
      c.store.delete('v1', 'ConfigMap', 'watched', 'w1');
      await waitFor(() => events.some(([t]) => t === 'DELETED') && events.some(([t]) => t === 'BOOKMARK'), 10_000, 'events');
      const changes = events.filter(([t]) => t !== 'BOOKMARK');
      expect(changes).toEqual([
        ['ADDED', 'w1'],
        ['MODIFIED', 'w1'],
        ['DELETED', 'w1'],
      ]);
      const bookmark = events.find(([t]) => t === 'BOOKMARK');
      expect(Number(bookmark?.[1])).toBeGreaterThan(0);
      expect(done).toBe('open');
    } finally {
      ctl.abort();
    }
  });

  it('ends a watch after timeoutSeconds', async () => {
    let ended = false;
    const ctl = await new Watch(c.kc()).watch('/api/v1/configmaps', { timeoutSeconds: 1 }, () => {}, () => (ended = true));
    try {
      await waitFor(() => ended, 5_000, 'watch end');
    } finally {
      ctl.abort();
    }
  });

  it('an informer relists after forced 410s and ends with the store contents', async () => {
    const kc = c.kc();
    const api = kc.makeApiClient(CoreV1Api);
    let lists = 0;
    const informer = makeInformer(kc, '/api/v1/namespaces/inf/configmaps', () => (lists++, api.listNamespacedConfigMap({ namespace: 'inf' })));
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    for (let i = 0; i < 5; i++) c.store.apply(configMap(`pre-${i}`, 'inf'));
    await informer.start();
    try {
      await waitFor(() => informer.list().length === 5, 10_000, 'initial list');
      await c.server.setFaults({ expireWatches: true });
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 10; i++) c.store.apply(configMap(`r${round}-${i}`, 'inf', undefined, { round: String(round) }));
        c.store.delete('v1', 'ConfigMap', 'inf', `pre-${round}`);
        await new Promise((r) => setTimeout(r, 700));
      }
      await waitFor(() => lists >= 2, 10_000, 'relist');
      await c.server.setFaults({ expireWatches: false });
      c.store.apply(configMap('final', 'inf'));
      const expected = () => c.store.list('v1', 'ConfigMap', 'inf').map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
      const actual = () => informer.list().map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`).sort();
      await waitFor(() => JSON.stringify(actual()) === JSON.stringify(expected()), 15_000, 'informer to converge');
      expect(actual()).toHaveLength(5 + 30 - 3 + 1);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
      await c.server.setFaults({ expireWatches: false });
    }
  });
});
