import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { GRAPH_TYPES } from '@/lib/topology/types';
import { builtinKinds, type AnyRecord } from '../clusters/kinds';
import { FleetModel } from '../fleet/model';
import { ALL, type VisibilityScope } from '../fleet/scope';
import type { FanOut, TaggedSample } from './fan-out';
import { fleetFacts } from './fleet-facts';
import type { TelemetryService } from './telemetry-service';
import { getGroupedTopology, getTopology, inventory, scopedInventory, TOPOLOGY_REVISION_LAG_MS, topologyBody, topologyJsonText, unique } from './topology';
import { topologyQuerySchema } from '@/lib/api/topology';

const kinds = builtinKinds();
const spec = (role: string) => kinds.find((k) => k.role === role)!;
const pod = (namespace: string, name: string, app: string, version: string, ready = true) =>
  ({ namespace, name, labels: { app, version }, phase: 'Running', ready, workload: { kind: 'Deployment', name: `${app}-${version}` }, hasProxy: true, proxyVersion: '1.24.1', annotations: {} }) as AnyRecord;
const service = (namespace: string, name: string) => ({ namespace, name, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }], labels: {}, externalAddresses: [] }) as AnyRecord;
const slice = (namespace: string, svc: string, ready: number) =>
  ({ namespace, name: `${svc}-x`, service: svc, ports: [], endpoints: Array.from({ length: ready }, () => ({ addresses: ['10.1.0.1'], ready: true })) }) as AnyRecord;
const scope = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });

function fleet(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) {
    m.upsertCluster({ name: c, displayName: c, source: 'test' });
    m.apply(c, spec('pods'), 'bookinfo/r1', pod('bookinfo', 'r1', 'reviews', 'v1'));
    m.apply(c, spec('pods'), 'bookinfo/r2', pod('bookinfo', 'r2', 'reviews', 'v2', c === 'a'));
    m.apply(c, spec('pods'), 'vault/v1', pod('vault', 'v1', 'vault', 'v1'));
    m.apply(c, spec('services'), 'bookinfo/reviews', service('bookinfo', 'reviews'));
    m.apply(c, spec('endpointslices'), 'bookinfo/reviews-x', slice('bookinfo', 'reviews', 2));
    m.apply(c, spec('services'), 'vault/vault', service('vault', 'vault'));
  }
  return m;
}

const plain = (inv: { nodes: readonly { id: string }[]; readiness: (n: never) => unknown }) => inv.nodes.map((n) => [n.id, inv.readiness(n as never)]);

describe('topology inventory memo', () => {
  it('equals the per-request inventory for every graph type, whole-fleet and scoped', async () => {
    const m = fleet();
    for (const s of [ALL, scope('a/bookinfo'), scope('b/*'), scope()]) {
      for (const graphType of GRAPH_TYPES) {
        const facts = fleetFacts(m, s);
        const direct = inventory(facts, graphType);
        expect(plain(await scopedInventory(facts, graphType))).toEqual(direct.nodes.map((n) => [n.id, direct.readiness.get(n.id)]));
      }
    }
    expect((await scopedInventory(fleetFacts(m, scope('a/bookinfo')), 'workload')).nodes.map((n) => n.id)).toEqual(['wl:a/bookinfo/reviews-v1', 'wl:a/bookinfo/reviews-v2']);
  });

  it('is built once per model revision, by concurrent callers too, and rebuilt after any write', async () => {
    const m = fleet();
    const [first, second] = await Promise.all([scopedInventory(fleetFacts(m, ALL), 'app'), scopedInventory(fleetFacts(m, ALL), 'app')]);
    expect(second.nodes).toBe(first.nodes);
    expect((await scopedInventory(fleetFacts(m, ALL), 'app')).nodes).toBe(first.nodes);
    expect(first.readiness(first.nodes.find((n) => n.id === 'app:a/bookinfo/reviews')!)).toMatchObject({ desired: 2, ready: 2 });
    m.apply('a', spec('pods'), 'bookinfo/r3', pod('bookinfo', 'r3', 'reviews', 'v1'));
    const next = await scopedInventory(fleetFacts(m, ALL), 'app');
    expect(next.nodes).not.toBe(first.nodes);
    expect(next.readiness(next.nodes.find((n) => n.id === 'app:a/bookinfo/reviews')!)).toMatchObject({ desired: 3, ready: 3 });
  });
});

describe('unique', () => {
  const sample = (reporter: string, src: string, dst: string, scrapeCluster = 'a'): TaggedSample => ({
    metric: { reporter, source_workload_namespace: src, destination_service_namespace: dst, response_code: '200' },
    value: 1,
    scrapeCluster,
  });
  const part = (...samples: TaggedSample[]): FanOut<TaggedSample> => ({ samples, clusters: {} });

  it('keeps every series once when the into- and out-of-namespace variants overlap', () => {
    const inside = sample('destination', 'bookinfo', 'bookinfo');
    const into = [inside, sample('destination', 'sample', 'bookinfo')];
    const outOf = [{ ...inside, metric: { ...inside.metric } }, sample('destination', 'bookinfo', 'vault'), sample('destination', 'bookinfo', 'bookinfo', 'b')];
    expect(unique([part(...into), part(...outOf)], ['bookinfo'])).toEqual([...into, outOf[1], outOf[2]]);
  });

  it('passes series through without a namespace filter (the variants differ by reporter)', () => {
    const d = part(sample('destination', 'x', 'y'));
    const s = part(sample('source', 'x', 'y'));
    expect(unique([d, s], [])).toEqual([...d.samples, ...s.samples]);
  });
});

describe('getTopology memo', () => {
  // A Prometheus answer with one edge in each cluster; counts the queries sent.
  function service() {
    let calls = 0;
    const metric = (c: string) => ({
      reporter: 'destination', source_cluster: c, source_workload_namespace: 'bookinfo', source_workload: 'reviews-v1', source_canonical_service: 'reviews', source_canonical_revision: 'v1',
      destination_cluster: c, destination_workload_namespace: 'bookinfo', destination_workload: 'reviews-v2', destination_canonical_service: 'reviews', destination_canonical_revision: 'v2',
      destination_service_namespace: 'bookinfo', destination_service_name: 'reviews', request_protocol: 'http', response_code: '200', response_flags: '-', connection_security_policy: 'mutual_tls',
    });
    const client = {
      instant: async () => {
        calls++;
        return { samples: [{ metric: metric('a'), value: 2, scrapeCluster: 'a' }, { metric: metric('b'), value: 3, scrapeCluster: 'b' }], clusters: { a: { state: 'ok' }, b: { state: 'ok' } } };
      },
    };
    const svc = { client, window: '1m', tolerances: [], cacheSeconds: 5 } as unknown as TelemetryService;
    return { svc, calls: () => calls };
  }
  const q = (p: Record<string, string> = {}) => topologyQuerySchema.parse(p);

  it('builds once for repeated requests of one query and scope, and again for another query or scope', async () => {
    const m = fleet();
    const { svc, calls } = service();
    let t = 1_000_000;
    const now = () => t;
    const first = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    const sent = calls();
    expect(sent).toBeGreaterThan(0);
    const again = await Promise.all([getTopology(svc, fleetFacts(m, ALL), q(), now), getTopology(svc, fleetFacts(m, ALL), q({ graphType: 'workload' }), now)]);
    expect(calls()).toBe(sent);
    expect(again[0].data).toBe(first.data);
    expect(again[1].data).toBe(first.data);
    // Another query, another scope: built on their own.
    const app = await getTopology(svc, fleetFacts(m, ALL), q({ graphType: 'app' }), now);
    expect(app.data).not.toBe(first.data);
    const scoped = await getTopology(svc, fleetFacts(m, scope('a/bookinfo')), q(), now);
    expect(scoped.data).not.toBe(first.data);
    expect(scoped.data.elements.nodes.every((n) => n.data.cluster !== 'b')).toBe(true);
    // Older than the telemetry cache period: still served while one rebuild runs, then the rebuilt one.
    const before = calls();
    t += 5_000;
    const stale = await Promise.all([getTopology(svc, fleetFacts(m, ALL), q(), now), getTopology(svc, fleetFacts(m, ALL), q(), now)]);
    expect(stale[0].data).toBe(first.data);
    expect(stale[1].data).toBe(first.data);
    const rebuilding = calls();
    expect(rebuilding).toBeGreaterThan(before);
    await new Promise((r) => setImmediate(r));
    const later = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    expect(calls()).toBe(rebuilding);
    expect(later.data).not.toBe(first.data);
    expect(later.data).toEqual(first.data);
    // Older than two periods: nothing stale is served, the request waits for a build.
    t += 10_000;
    const waited = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    expect(calls()).toBeGreaterThan(rebuilding);
    expect(waited.data).not.toBe(later.data);
  });

  it('serves the answer it has while a rebuild fails, and tries again on a later request', async () => {
    const m = fleet();
    const { svc, calls } = service();
    let t = 3_000_000;
    const now = () => t;
    const first = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    const client = svc.client as { instant: (...a: unknown[]) => Promise<unknown> };
    const working = client.instant;
    client.instant = async () => {
      throw new Error('prometheus down');
    };
    t += 5_000;
    expect((await getTopology(svc, fleetFacts(m, ALL), q(), now)).data).toBe(first.data);
    await new Promise((r) => setImmediate(r));
    client.instant = working;
    const sent = calls();
    expect((await getTopology(svc, fleetFacts(m, ALL), q(), now)).data).toBe(first.data);
    await new Promise((r) => setImmediate(r));
    expect(calls()).toBeGreaterThan(sent);
    expect((await getTopology(svc, fleetFacts(m, ALL), q(), now)).data).not.toBe(first.data);
  });

  it('follows a model write once the revision lag has passed, and says which revision it reflects', async () => {
    const m = fleet();
    const { svc } = service();
    let t = 2_000_000;
    const now = () => t;
    const first = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    expect(first.revision).toBe(m.revision);
    m.apply('a', spec('pods'), 'bookinfo/d1', pod('bookinfo', 'd1', 'details', 'v1'));
    const soon = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    expect(soon.data).toBe(first.data);
    expect(soon.revision).toBe(first.revision);
    expect(soon.revision).toBeLessThan(m.revision);
    t += TOPOLOGY_REVISION_LAG_MS;
    // Served once more while the rebuild at the new revision runs.
    expect((await getTopology(svc, fleetFacts(m, ALL), q(), now)).revision).toBe(first.revision);
    await new Promise((r) => setImmediate(r));
    const after = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    expect(after.revision).toBe(m.revision);
    expect(after.data.elements.nodes.map((n) => n.data.id)).toContain('wl:a/bookinfo/details-v1');
  });

  it('serialises the envelope as JSON.stringify does, the data once', async () => {
    const m = fleet();
    const { svc } = service();
    const res = await getTopology(svc, fleetFacts(m, ALL), q({ detail: 'edges' }));
    expect(topologyJsonText(res)).toBe(JSON.stringify(res));
    expect(topologyJsonText({ ...res, generatedAt: 'x' })).toBe(JSON.stringify({ ...res, generatedAt: 'x' }));
    expect(res.data.elements.edges[0]?.data.errorRates).toBeDefined();
  });

  it('groups by namespace from the shared answer, after the scope narrowed it, once per grouping', async () => {
    const m = fleet();
    const { svc, calls } = service();
    const now = () => 4_000_000;
    const whole = await getTopology(svc, fleetFacts(m, ALL), q(), now);
    const sent = calls();
    const grouped = await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace' }), now);
    expect(calls()).toBe(sent);
    const ids = grouped.data.elements.nodes.map((n) => n.data.id).sort();
    expect(ids).toEqual(['nsgroup:bookinfo', 'nsgroup:vault']);
    expect(grouped.data.grouping).toEqual({ by: 'namespace', namespaces: expect.arrayContaining([expect.objectContaining({ namespace: 'bookinfo' }), expect.objectContaining({ namespace: 'vault' })]), expanded: [] });
    expect(grouped.data.stats).toEqual(whole.data.stats);
    expect(grouped.generatedAt).toBe(whole.generatedAt);
    // Same grouping, same object (and so the same bytes); expand order does not matter.
    expect((await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace' }), now)).data).toBe(grouped.data);
    const open = await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace', expand: 'vault,bookinfo' }), now);
    expect(await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace', expand: 'bookinfo,vault' }), now)).toBe(open);
    expect(open.data.elements.nodes.map((n) => n.data.id)).toEqual(whole.data.elements.nodes.map((n) => n.data.id));
    const one = await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace', expand: 'bookinfo' }), now);
    expect(one.data.grouping?.expanded).toEqual(['bookinfo']);
    expect(one.data.elements.nodes.map((n) => n.data.id)).toContain('wl:b/bookinfo/reviews-v2');
    expect(one.data.elements.nodes.map((n) => n.data.id)).toContain('nsgroup:vault');
    // `auto` leaves a graph this small whole: the very answer of an ungrouped request.
    expect((await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'auto' }), now)).data).toBe(whole.data);
    expect((await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'off' }), now)).data).toBe(whole.data);
    // A scoped caller's groups hold only what it may see.
    const scoped = await getGroupedTopology(svc, fleetFacts(m, scope('a/bookinfo')), q({ group: 'namespace' }), now);
    const groups = scoped.data.elements.nodes.filter((n) => n.data.kind === 'namespaceGroup').map((n) => n.data);
    expect(groups.map((g) => g.id)).toEqual(['nsgroup:bookinfo']);
    expect(groups[0]?.byCluster?.map((c) => c.cluster)).toEqual(['a']);
    expect(scoped.data.grouping?.namespaces.map((n) => n.namespace)).toEqual(['bookinfo']);
  });

  it('makes the bytes and ETag once per shared answer', async () => {
    const m = fleet();
    const { svc } = service();
    const now = () => 5_000_000;
    const res = await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace' }), now);
    const body = topologyBody(res);
    expect(topologyBody(await getGroupedTopology(svc, fleetFacts(m, ALL), q({ group: 'namespace' }), now))).toBe(body);
    expect(JSON.parse(Buffer.from(body.json).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(res)));
    expect(body.etag).toMatch(/^"[\w-]+"$/);
    const whole = topologyBody(await getGroupedTopology(svc, fleetFacts(m, ALL), q(), now));
    expect(whole.etag).not.toBe(body.etag);
  });
});
