import { describe, expect, it } from 'vitest';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import type { FleetChange } from '@/lib/fleet/events';
import { fleetEventStream, sseMessage, visibleKeys } from './events';
import { FleetModel } from './model';
import { ALL, type VisibilityScope } from './scope';

const pods = builtinKinds().find((k) => k.role === 'pods')!;
const vsKind = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);
const pod = (ns: string, name: string, ready = true) => ({ namespace: ns, name, labels: { app: name }, phase: 'Running', ready, workload: { kind: 'Deployment', name }, hasProxy: true, annotations: {} }) as AnyRecord;
const vs = (ns: string, name: string, rv: string) => ({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: ns, name, resourceVersion: rv, labels: {}, annotations: {}, spec: { hosts: [name] } }) as AnyRecord;
const scopedAs = (role: 'viewer' | 'operator', ...sel: Array<[string, string]>): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role, selectors: sel.map(([cluster, namespace]) => ({ cluster, namespace })) }] });
const scoped = (...sel: Array<[string, string]>): VisibilityScope => scopedAs('operator', ...sel);
const svcKind = builtinKinds().find((k) => k.role === 'services')!;
const svc = (ns: string, name: string) => ({ namespace: ns, name, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [], labels: {}, externalAddresses: [] }) as AnyRecord;

function model(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) m.upsertCluster({ name: c, displayName: c, source: 'test' });
  m.feed.flush();
  return m;
}

/** Opens a stream and collects every chunk it yields. */
function open(m: FleetModel, scope: VisibilityScope, opts: { lastEventId?: string; heartbeatMs?: number } = {}) {
  const ac = new AbortController();
  const chunks: Uint8Array[] = [];
  const reader = fleetEventStream(m, scope, { ...opts, signal: ac.signal }).getReader();
  void (async () => {
    for (;;) {
      const r = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (r.done) return;
      chunks.push(r.value);
    }
  })();
  return { chunks, text: () => chunks.map((c) => new TextDecoder().decode(c)).join(''), close: () => ac.abort() };
}

const tick = () => new Promise((r) => setImmediate(r));

/** Three changes: a pod in a/bookinfo, a VirtualService in b/istio-system, a pod in b/shop. */
function changes(m: FleetModel): FleetChange[] {
  const out: FleetChange[] = [];
  const off = m.feed.subscribe((c) => out.push(c));
  m.apply('a', pods, 'bookinfo/reviews-1', pod('bookinfo', 'reviews-1'));
  m.feed.flush();
  m.apply('b', vsKind, 'istio-system/probe', vs('istio-system', 'probe', '7'));
  m.feed.flush();
  m.apply('b', pods, 'shop/cart-1', pod('shop', 'cart-1'));
  m.feed.flush();
  off();
  return out;
}

describe('visibleKeys', () => {
  it('checks a config key against its namespace, not its API group', () => {
    const key = 'config/a/networking.istio.io/VirtualService/istio-system/probe';
    expect(visibleKeys(scoped(['a', 'istio-system']), [key])).toEqual([key]);
    // A namespace pattern that happens to match the group sees nothing of other namespaces.
    expect(visibleKeys(scoped(['a', '*istio.io']), [key])).toEqual([]);
    expect(visibleKeys(scoped(['a', 'networking*']), [key])).toEqual([]);
    // Cluster-scoped objects and collapsed prefixes name no namespace: the cluster's own visibility.
    expect(visibleKeys(scoped(['a', 'bookinfo']), ['config/a/security.istio.io/X/-/y', 'config/a/networking.istio.io', 'config/a'])).toEqual(['config/a/security.istio.io/X/-/y', 'config/a/networking.istio.io', 'config/a']);
    expect(visibleKeys(scoped(['b', 'bookinfo']), ['config/a/security.istio.io/X/-/y', 'config/a/networking.istio.io', 'config/a'])).toEqual([]);
    expect(visibleKeys(scoped(['a', 'bookinfo']), ['workloads/a/bookinfo/r', 'workloads/a/shop/c', 'namespaces/a/shop', 'proxies/a', 'clusters/a'])).toEqual(['workloads/a/bookinfo/r', 'proxies/a', 'clusters/a']);
  });
});

describe('visibleKeys for scoped callers', () => {
  it('gives a service key only to a caller who sees the service in one of its clusters', () => {
    const m = model();
    m.apply('b', svcKind, 'shop/cart', svc('shop', 'cart'));
    const where = (k: string) => m.services.get(k);
    // shop is in the scope only in cluster a; cart exists only in b.
    expect(visibleKeys(scoped(['a', 'shop']), ['services/shop/cart'], where)).toEqual([]);
    expect(visibleKeys(scoped(['b', 'shop']), ['services/shop/cart'], where)).toEqual(['services/shop/cart']);
    // Gone everywhere: only that some service changed.
    expect(visibleKeys(scoped(['a', 'shop']), ['services/shop/gone'], where)).toEqual(['services']);
  });

  it('gives config and proxy keys only where the caller may read config and proxies', () => {
    const keys = ['config/a/networking.istio.io/VirtualService/shop/r', 'proxies/a', 'workloads/a/shop/w'];
    expect(visibleKeys(scopedAs('viewer', ['a', 'shop']), keys)).toEqual(['workloads/a/shop/w']);
    expect(visibleKeys(scopedAs('operator', ['a', 'shop']), keys)).toEqual(keys);
  });

  it('keeps them out of a viewer\'s stream and its Last-Event-ID replay', async () => {
    const m = model();
    const from = String(m.revision);
    m.apply('b', svcKind, 'shop/cart', svc('shop', 'cart'));
    m.apply('a', vsKind, 'shop/r', vs('shop', 'r', '1'));
    m.apply('a', pods, 'shop/w-1', pod('shop', 'w-1'));
    m.feed.flush();
    const s = open(m, scopedAs('viewer', ['a', 'shop']), { lastEventId: from });
    await new Promise((r) => setTimeout(r, 50));
    const text = s.text();
    s.close();
    expect(text).not.toContain('services/shop/cart');
    expect(text).not.toContain('config/');
    expect(text).toContain('workloads/a/shop/w-1');
  });
});

describe('fleetEventStream', () => {
  it('gives every ALL-scope stream the same bytes as one encoding per stream did, from one shared buffer per change', async () => {
    const m = model();
    const streams = [open(m, ALL), open(m, ALL), open(m, { kind: 'all' })];
    const hello = sseMessage({ revision: m.revision, keys: [] }, 'hello');
    const sent = changes(m);
    await tick();
    // What the stream wrote before messages were shared: per stream, visibleKeys then JSON then encode.
    const expected = `retry: 2000\n\n${hello}${sent.map((c) => sseMessage({ revision: c.revision, keys: visibleKeys(ALL, c.keys) })).join('')}`;
    for (const s of streams) expect(s.text()).toBe(expected);
    for (let i = 2; i < 2 + sent.length; i++) {
      expect(streams[1]!.chunks[i]).toBe(streams[0]!.chunks[i]);
      expect(streams[2]!.chunks[i]).toBe(streams[0]!.chunks[i]);
    }
    streams.forEach((s) => s.close());
  });

  it('filters per scope: a scoped stream never receives keys outside its workspaces', async () => {
    const m = model();
    const bookinfo = [open(m, scoped(['a', 'bookinfo'])), open(m, scoped(['a', 'bookinfo']))];
    const shop = open(m, scoped(['b', 'shop']));
    const none = open(m, scoped());
    const sent = changes(m);
    await tick();
    const only = (s: ReturnType<typeof open>) => s.text().split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)) as FleetChange).filter((c) => c.keys.length);
    // Only the first change reaches a/bookinfo, and only its bookinfo keys (not clusters/b, config of b, ...).
    expect(only(bookinfo[0]!)).toEqual([{ revision: sent[0]!.revision, keys: ['workloads/a/bookinfo/reviews-1'] }]);
    expect(bookinfo[1]!.text()).toBe(bookinfo[0]!.text());
    // Equal selectors in different scope objects share the encoded message; other scopes get their own.
    expect(bookinfo[1]!.chunks[2]).toBe(bookinfo[0]!.chunks[2]);
    const istio = open(m, scoped(['b', 'istio-system']));
    await tick();
    m.apply('b', vsKind, 'istio-system/probe', vs('istio-system', 'probe', '8'));
    m.feed.flush();
    await tick();
    expect(istio.text()).toContain('config/b/networking.istio.io/VirtualService/istio-system/probe');
    istio.close();
    const shopKeys = only(shop).flatMap((c) => c.keys);
    expect(shopKeys).toContain('workloads/b/shop/cart-1');
    expect(shopKeys.every((k) => !k.includes('bookinfo') && !k.includes('istio-system'))).toBe(true);
    expect(only(none)).toEqual([]);
    [...bookinfo, shop, none].forEach((s) => s.close());
  });

  it('resumes from Last-Event-ID with the missed changes (filtered), else sends a reset', async () => {
    const m = model();
    const from = m.revision;
    const sent = changes(m);
    const all = open(m, ALL, { lastEventId: String(from) });
    const shop = open(m, scoped(['b', 'shop']), { lastEventId: String(from) });
    const old = open(m, ALL, { lastEventId: String(m.revision + 100) });
    await tick();
    expect(all.text()).toBe(`retry: 2000\n\n${sent.map((c) => sseMessage(c)).join('')}`);
    expect(shop.text()).not.toContain('bookinfo');
    expect(shop.text()).toContain(`id: ${sent[2]!.revision}\n`);
    expect(old.text()).toContain('event: reset\n');
    [all, shop, old].forEach((s) => s.close());
  });

  it('sends heartbeats and stops on abort', async () => {
    const m = model();
    const s = open(m, ALL, { heartbeatMs: 10 });
    await new Promise((r) => setTimeout(r, 40));
    expect(s.text()).toMatch(/: heartbeat \d{4}-/);
    s.close();
    await tick();
    const n = s.chunks.length;
    changes(m);
    await tick();
    expect(s.chunks.length).toBe(n);
  });

  it('closes the stream of a reader that stopped reading once it is maxQueuedBytes behind', async () => {
    const m = model();
    const stream = fleetEventStream(m, ALL, { maxQueuedBytes: 2_000 });
    const reader = stream.getReader();
    for (let i = 0; i < 40; i++) {
      m.apply('a', pods, `bookinfo/p-${i}`, pod('bookinfo', `p-${i}`));
      m.feed.flush();
    }
    // What was queued before the limit is still delivered, then the stream ends (the client reconnects).
    let bytes = 0;
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      bytes += r.value.byteLength;
    }
    expect(bytes).toBeGreaterThan(1_000);
    expect(bytes).toBeLessThan(4_000);
  });
});
