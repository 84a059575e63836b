import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '@/lib/api/topology';
import { clustersConfigSchema, telemetryConfigSchema } from '../config/schema';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';
import { ALL } from '../fleet/scope';
import { startPrometheus, type PrometheusHandle } from '../sim/prometheus';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { waitUntil } from '../sim/sim-test-support';
import { fleetFacts } from './fleet-facts';
import { getServiceSignals } from './service-signals';
import { createTelemetryService, type TelemetryService } from './telemetry-service';
import { getTopology } from './topology';

// The demo's ambient shop namespace (us-east-1, us-west-2) as the graph and the golden signals read it,
// scraped by a global Prometheus and by one per cluster.
const WINDOW = '10s';
const E = 'us-east-1';
const W = 'us-west-2';
let sim: SimFleet;
let fleet: FleetRuntime;
let proms: PrometheusHandle[] = [];
const modes: Record<string, TelemetryService> = {};
const facts = () => fleetFacts(fleet.model, ALL);
const topo = async (svc: TelemetryService) => (await getTopology(svc, facts(), { graphType: 'workload', hideIdle: true, hops: 1, window: WINDOW })).data;
const wl = (c: string, ns: string, w: string) => `wl:${c}/${ns}/${w}`;
const wp = (c: string) => `wp:${c}/shop/waypoint`;
const gw = (c: string) => `gw:${c}/istio-system/istio-eastwestgateway`;
const edge = (t: Topology, id: string) => t.elements.edges.find((e) => e.data.id === id)?.data;
const near = (actual: number | undefined, expected: number) => actual !== undefined && Math.abs(actual - expected) <= expected * 0.12 + 0.3;

const storefront = wl(E, 'shop', 'storefront-v1');
/** The shop's edges as the contract's traffic draws them: id -> rps (TCP: present only). */
const SHOP_EDGES: Array<[string, number]> = [
  [`${wl(E, 'istio-ingress', 'public-istio')}->${wp(E)}:http`, 20],
  [`${wl(E, 'sample', 'sleep')}->${wp(E)}:http`, 2],
  [`${storefront}->${wp(E)}:http`, 20],
  [`${wp(E)}->${storefront}:http`, 22],
  [`${wp(E)}->${wl(E, 'shop', 'cart-v1')}:http`, 13.5],
  [`${wp(E)}->${wl(E, 'shop', 'cart-v2')}:http`, 1.5],
  // us-east-1 and us-west-2 are different networks: the hop out of the waypoint crosses the east-west gateway.
  [`${wp(E)}->${gw(W)}:http`, 5],
  [`${gw(W)}->${wl(W, 'shop', 'cart-v1')}:http`, 5],
  [`${wl(W, 'shop', 'cart-v1')}->${wp(W)}:grpc`, 6],
  [`${wp(W)}->${wl(W, 'shop', 'pricing-v1')}:grpc`, 6],
];
const L4 = `${wl(E, 'shop', 'cart-v1')}->${wl(E, 'shop', 'inventory-db')}:tcp`;
const missing = (t: Topology) => SHOP_EDGES.filter(([id, rps]) => !near(edge(t, id)?.rps, rps)).map(([id, rps]) => `${id}: expected ${rps}, got ${edge(t, id)?.rps}`);

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 10, istiodPollSeconds: 1, requestTimeoutSeconds: 8 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 }, sourcePollMs: 500 });
  proms = await Promise.all([
    startPrometheus({ targets: sim.prometheusTargets, mode: 'global', clusterLabel: 'cluster', scrapeIntervalSeconds: 1 }),
    startPrometheus({ targets: sim.prometheusTargets, mode: 'per-cluster', scrapeIntervalSeconds: 1 }),
  ]);
  const [globalProm, perClusterProm] = proms;
  const common = { window: WINDOW, cacheSeconds: 1, timeoutSeconds: 5 };
  modes.global = createTelemetryService(telemetryConfigSchema.parse({ ...common, mode: 'global', global: { url: globalProm!.url, clusterLabel: 'cluster' } }));
  modes['per-cluster'] = createTelemetryService(
    telemetryConfigSchema.parse({ ...common, mode: 'per-cluster', perCluster: Object.fromEntries(perClusterProm!.instances.map((i) => [i.cluster ?? '', { url: i.url }])) }),
  );
  await fleet.started;
  await waitUntil(() => sim.clusters.every((c) => fleet.model.cluster(c.name)?.view.condition(Date.now()).phase === 'ok' && facts().network(c.name)), 30_000, 'fleet synced with networks');
  await waitUntil(() => facts().ambient?.().isWaypoint(E, 'shop', 'waypoint') && facts().ambient?.().isAmbient(W, 'shop', 'pricing-v1'), 30_000, 'ambient facts of the shop');
  for (const mode of ['global', 'per-cluster']) {
    let last: string[] = [];
    await waitUntil(async () => (last = missing(await topo(modes[mode]!))).length === 0, 45_000, `the ${mode} shop graph`).catch((err: Error) => {
      throw new Error(`${err.message}: ${last.join('; ')}`);
    });
  }
}, 150_000);

afterAll(async () => {
  fleet?.stop();
  await Promise.all(proms.map((p) => p.stop()));
  await sim?.stop();
});

describe.each(['global', 'per-cluster'])('ambient shop traffic in %s mode', (mode) => {
  const svc = () => modes[mode]!;

  it('draws each shop edge once, through the waypoint, with HBONE and waypoint marks', async () => {
    const t = await topo(svc());
    expect(missing(t)).toEqual([]);
    for (const [id] of SHOP_EDGES) expect(edge(t, id)).toMatchObject({ hbone: true });
    expect(edge(t, `${storefront}->${wp(E)}:http`)).toMatchObject({ waypoint: wp(E), mtlsShare: 1 });
    expect(edge(t, `${gw(W)}->${wl(W, 'shop', 'cart-v1')}:http`)?.waypoint).toBe(wp(E));
    expect(t.elements.nodes.find((n) => n.data.id === wp(E))?.data).toMatchObject({ kind: 'waypoint', parent: `ns:${E}/shop` });
    // No direct client -> backend edge beside the hops, no waypoint drawn as a workload, no ztunnel hop drawn.
    const shopIds = t.elements.edges.map((e) => e.data.id).filter((id) => id.includes('/shop/'));
    expect(shopIds.filter((id) => id.startsWith(`${storefront}->wl:`))).toEqual([]);
    expect(t.elements.nodes.map((n) => n.data.id).filter((id) => /^wl:.*\/shop\/waypoint$/.test(id))).toEqual([]);
    expect(shopIds.filter((id) => id.endsWith(':tcp'))).toEqual([L4]);
    expect(shopIds.length).toBe(new Set(shopIds).size);
  });

  it('keeps the L4-only edge to inventory-db, HBONE, without a waypoint', async () => {
    const d = edge(await topo(svc()), L4);
    expect(d).toMatchObject({ protocol: 'tcp', hbone: true });
    expect(d?.tcpBytesPerSecond).toBeGreaterThan(0);
    expect(d?.waypoint).toBeUndefined();
  });

  it('counts the waypoint-reported requests in the shop services\' golden signals, once', async () => {
    const items = (await getServiceSignals(svc(), facts(), { namespace: 'shop', window: WINDOW })).data.items;
    const of = (name: string) => items.find((s) => s.name === name);
    expect(near(of('cart')?.signals.rps, 13.5 + 1.5 + 5)).toBe(true);
    expect(near(of('storefront')?.signals.rps, 22)).toBe(true);
    expect(near(of('pricing')?.signals.rps, 6)).toBe(true);
    expect(of('cart')?.signals.latencyMs.p95).toBeGreaterThan(0);
    // inventory-db opts out of the waypoint: ztunnel's TCP only.
    expect(of('inventory-db')?.signals.rps).toBe(0);
    expect(of('inventory-db')?.signals.tcpBytesPerSecond).toBeGreaterThan(0);
  });
});

describe('waypoint-down (both modes)', () => {
  it('fails the waypoint and shows the router client\'s 503s, then recovers', async () => {
    await sim.setScenario('waypoint-down');
    const direct = `${wl(E, 'istio-ingress', 'public-istio')}->${storefront}:http`;
    for (const svc of [modes.global!, modes['per-cluster']!]) {
      const t = await waitUntil(async () => {
        const d = (await getTopology(svc, facts(), { graphType: 'workload', hideIdle: false, hops: 1, window: WINDOW })).data;
        return (edge(d, direct)?.errorPercent ?? 0) > 90 && !edge(d, `${storefront}->${wp(E)}:http`) ? d : undefined;
      }, 40_000, 'the waypoint to be down in the graph');
      expect(t.elements.nodes.find((n) => n.data.id === wp(E))?.data.health).toBe('failure');
      expect(edge(t, direct)?.health).toBe('failure');
    }
    await sim.setScenario('healthy');
    await waitUntil(async () => missing(await topo(modes.global!)).length === 0, 40_000, 'the shop graph back through the waypoint');
  });
});
