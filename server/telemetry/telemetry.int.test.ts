import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '@/lib/api/topology';
import { clustersConfigSchema, telemetryConfigSchema } from '../config/schema';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';
import { ALL } from '../fleet/scope';
import { getServices } from '../fleet/services';
import { startPrometheus, type PrometheusHandle } from '../sim/prometheus';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { waitUntil } from '../sim/sim-test-support';
import { fleetFacts } from './fleet-facts';
import { getServiceSignals } from './service-signals';
import { getTelemetryStatus } from './telemetry-status';
import { createTelemetryService, type TelemetryService } from './telemetry-service';
import { getTopology } from './topology';

// One simulated fleet scraped by a global Prometheus AND one Prometheus per cluster, so both modes share the warm-up.
const WINDOW = '10s';
let sim: SimFleet;
let fleet: FleetRuntime;
let globalProm: PrometheusHandle;
let perClusterProm: PrometheusHandle;
let slowServer: http.Server;
const modes: Record<string, TelemetryService> = {};
const facts = () => fleetFacts(fleet.model, ALL);
const topo = (svc: TelemetryService, extra: Partial<Parameters<typeof getTopology>[2]> = {}) =>
  getTopology(svc, facts(), { graphType: 'workload', hideIdle: true, hops: 1, window: WINDOW, ...extra });
const edge = (t: Topology, id: string) => t.elements.edges.find((e) => e.data.id === id)?.data;
const wl = (c: string, ns: string, w: string) => `wl:${c}/${ns}/${w}`;
const gw = (c: string) => `gw:${c}/istio-system/istio-eastwestgateway`;

/** The sim's current ground truth as expected graph edges: id -> rps (or TCP bytes/s), hops through gateways across networks. */
function expectedEdges(): Map<string, number> {
  const f = facts();
  const out = new Map<string, number>();
  const ambient = f.ambient?.();
  for (const { edge: e, params } of sim.model.currentParams()) {
    if (!(params.rps > 0)) continue;
    const s = e.spec;
    // Ambient servers' edges go through waypoints or are L4 only: ambient.int.test.ts checks them.
    if (ambient?.isAmbient(s.destination.cluster, s.destination.namespace, s.destination.workload)) continue;
    const src = wl(s.source.cluster, s.source.namespace, s.source.workload);
    const dst = wl(s.destination.cluster, s.destination.namespace, s.destination.workload);
    const viaGateway = s.source.cluster !== s.destination.cluster && f.network(s.source.cluster) !== f.network(s.destination.cluster);
    const target = viaGateway ? gw(s.destination.cluster) : dst;
    const value = s.protocol === 'tcp' ? params.rps * params.tcpSentBytes + params.rps * params.tcpReceivedBytes : params.rps;
    const id = `${src}->${target}:${s.protocol}`;
    out.set(id, (out.get(id) ?? 0) + value);
  }
  return out;
}

const near = (actual: number | undefined, expected: number) => actual !== undefined && Math.abs(actual - expected) <= expected * 0.12 + 0.3;
const valueOf = (t: Topology, id: string) => {
  const d = edge(t, id);
  return d ? (d.protocol === 'tcp' ? d.tcpBytesPerSecond : d.rps) : undefined;
};
const mismatches = (t: Topology) => [...expectedEdges()].filter(([id, v]) => !near(valueOf(t, id), v)).map(([id, v]) => `${id}: expected ${v}, got ${valueOf(t, id)}`);

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 10, istiodPollSeconds: 1, requestTimeoutSeconds: 8 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 }, sourcePollMs: 500 });
  [globalProm, perClusterProm] = await Promise.all([
    startPrometheus({ targets: sim.prometheusTargets, mode: 'global', clusterLabel: 'cluster', scrapeIntervalSeconds: 1 }),
    startPrometheus({ targets: sim.prometheusTargets, mode: 'per-cluster', scrapeIntervalSeconds: 1 }),
  ]);
  slowServer = http.createServer((_req, res) => void setTimeout(() => res.end('{}'), 3_000));
  await new Promise<void>((r) => slowServer.listen(0, '127.0.0.1', r));
  const common = { window: WINDOW, cacheSeconds: 1, timeoutSeconds: 5 };
  const perCluster = Object.fromEntries((perClusterProm.instances).map((i) => [i.cluster ?? '', { url: i.url }]));
  modes.global = createTelemetryService(telemetryConfigSchema.parse({ ...common, mode: 'global', global: { url: globalProm.url, clusterLabel: 'cluster' } }));
  modes['per-cluster'] = createTelemetryService(telemetryConfigSchema.parse({ ...common, mode: 'per-cluster', perCluster }));
  const slowUrl = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}`;
  modes.slow = createTelemetryService(telemetryConfigSchema.parse({ ...common, timeoutSeconds: 1, mode: 'per-cluster', perCluster: { ...perCluster, 'us-west-2': { url: slowUrl } } }));
  await fleet.started;
  await waitUntil(() => sim.clusters.every((c) => fleet.model.cluster(c.name)?.view.condition(Date.now()).phase === 'ok' && facts().network(c.name)), 30_000, 'fleet synced with networks');
  // First scrape ~5-6 s after start, then the 10 s window must fill.
  for (const mode of ['global', 'per-cluster']) await waitUntil(async () => mismatches((await topo(modes[mode]!)).data).length === 0, 45_000, `${mode} graph matching the model`);
}, 120_000);

afterAll(async () => {
  fleet?.stop();
  await Promise.all([globalProm?.stop(), perClusterProm?.stop()]);
  slowServer?.closeAllConnections();
  slowServer?.close();
  await sim?.stop();
});

describe.each(['global', 'per-cluster'])('telemetry in %s mode', (mode) => {
  const svc = () => modes[mode]!;

  it('graphs the demo fleet with the model rates (within 12% + 0.3/s), gateway hops and cluster boxes', async () => {
    const { data, clusters } = await topo(svc());
    expect(mismatches(data)).toEqual([]);
    const ids = data.elements.nodes.map((n) => n.data.id);
    expect(ids).toEqual(expect.arrayContaining(['cluster:us-east-1', 'ns:us-east-1/bookinfo', wl('us-east-1', 'bookinfo', 'productpage-v1'), gw('us-west-2')]));
    const hop = edge(data, `${gw('us-west-2')}->${wl('us-west-2', 'bookinfo', 'reviews-v3')}:http`);
    expect(hop?.crossNetwork).toBe(true);
    expect(edge(data, `${wl('us-east-1', 'bookinfo', 'productpage-v1')}->${gw('us-west-2')}:http`)?.crossCluster).toBe(true);
    expect(edge(data, `${wl('us-east-1', 'bookinfo', 'productpage-v1')}->${wl('us-east-1', 'bookinfo', 'details-v1')}:http`)?.mtlsShare).toBe(1);
    expect(Object.values(clusters).every((c) => c.state === 'ok')).toBe(true);
    expect((await getTelemetryStatus(svc(), facts(), WINDOW)).mismatch.messages).toEqual([]);
  });

  it('gives golden signals per service of each mesh and per cluster', async () => {
    const { data } = await getServiceSignals(svc(), facts(), { namespace: 'bookinfo', window: WINDOW });
    // bookinfo/reviews runs in prod and in the staging mesh: two services, never summed together.
    const reviews = data.items.filter((s) => s.name === 'reviews');
    expect(reviews.map((s) => [s.mesh, s.clusters.map((c) => c.cluster)])).toEqual([['prod', ['eu-central-1', 'us-east-1', 'us-west-2']], ['staging', ['staging-us-east-1']]]);
    const [prod, staging] = reviews;
    const east = prod?.clusters.find((c) => c.cluster === 'us-east-1');
    expect(near(east?.signals.rps, 8)).toBe(true);
    expect(near(prod?.signals.rps, 8 + 4)).toBe(true);
    expect(near(staging?.signals.rps, 2.7 + 0.3)).toBe(true);
    expect(east?.signals.latencyMs.p50).toBeGreaterThan(0);
    expect(prod?.health.status).toBe('healthy');
  });
});

describe('scenarios (both modes)', () => {
  const both = () => [modes.global!, modes['per-cluster']!];
  const ppReviews2 = `${wl('us-east-1', 'bookinfo', 'productpage-v1')}->${wl('us-east-1', 'bookinfo', 'reviews-v2')}:http`;

  it('latency moves that edge p95', async () => {
    const before = await Promise.all(both().map(async (s) => edge((await topo(s)).data, ppReviews2)?.p95Ms ?? 0));
    await sim.setScenario('latency');
    for (const [i, s] of both().entries()) {
      await waitUntil(async () => (edge((await topo(s)).data, ppReviews2)?.p95Ms ?? 0) > Math.max(200, 2 * before[i]!), 30_000, 'p95 to grow');
    }
  });

  it('error-spike turns details degraded in us-east-1 only', async () => {
    await sim.setScenario('error-spike');
    for (const s of both()) {
      const details = await waitUntil(async () => {
        const d = (await getServiceSignals(s, facts(), { namespace: 'bookinfo', window: WINDOW })).data.items.find((x) => x.name === 'details');
        return d?.clusters.find((c) => c.cluster === 'us-east-1')?.health.status === 'degraded' ? d : undefined;
      }, 30_000, 'details degraded in us-east-1');
      expect(details.clusters.filter((c) => c.health.status === 'degraded' || c.health.status === 'failure').map((c) => c.cluster)).toEqual(['us-east-1']);
      expect(details.health.reasons[0]).toMatch(/^degraded in us-east-1 only: HTTP 5xx at/);
    }
  });

  it('failover moves reviews traffic from us-east-1 to us-west-2', async () => {
    await sim.setScenario('failover');
    const toWest = `${wl('us-east-1', 'bookinfo', 'productpage-v1')}->${gw('us-west-2')}:http`;
    const toV1 = `${wl('us-east-1', 'bookinfo', 'productpage-v1')}->${wl('us-east-1', 'bookinfo', 'reviews-v1')}:http`;
    for (const s of both()) {
      const t = await waitUntil(async () => {
        const d = (await topo(s)).data;
        return (edge(d, toWest)?.rps ?? 0) > 9 && (edge(d, toV1)?.rps ?? 99) < 1 && (edge(d, toV1)?.errorPercent ?? 0) > 90 ? d : undefined;
      }, 30_000, 'traffic to move west');
      expect(edge(t, toV1)?.health).toBe('failure');
    }
    await sim.setScenario('healthy');
  });
});

describe('Prometheus down or slow', () => {
  it('marks a slow Prometheus cluster unavailable and still answers for the others', async () => {
    const { data, clusters } = await topo(modes.slow!);
    expect(data.telemetry['us-west-2']).toMatchObject({ state: 'unavailable' });
    expect(data.telemetry['us-west-2']?.reason).toMatch(/timeout/);
    expect(clusters['us-west-2']?.reason).toMatch(/^telemetry unavailable/);
    expect(clusters['us-east-1']?.state).toBe('ok');
    expect(data.elements.nodes.some((n) => n.data.cluster === 'us-east-1')).toBe(true);
  });

  it('reports every cluster when the global Prometheus is stopped, and per cluster when one is', async () => {
    const west = perClusterProm.instances.find((i) => i.cluster === 'us-west-2');
    process.kill(west!.pid, 'SIGTERM');
    await globalProm.stop();
    await new Promise((r) => setTimeout(r, 1_500));
    const g = await getServiceSignals(modes.global!, facts(), {});
    expect(Object.values(g.data.telemetry).every((t) => t.state === 'unavailable')).toBe(true);
    expect(g.data.items.find((s) => s.name === 'reviews')?.health.status).not.toBe('failure');
    const p = await getServiceSignals(modes['per-cluster']!, facts(), {});
    expect(p.data.telemetry['us-west-2']?.state).toBe('unavailable');
    expect(p.data.telemetry['us-east-1']?.state).toBe('ok');
    expect(p.clusters['us-west-2']?.state).toBe('unreachable');
    // The fleet model's answers do not depend on telemetry.
    expect(getServices(fleet.model, ALL, { page: 1, pageSize: 50, sort: 'name', namespace: 'bookinfo' }).data.items.length).toBeGreaterThan(0);
  });
});
