import { describe, expect, it } from 'vitest';
import { buildTopology } from '@/lib/topology/build-topology';
import type { TrafficSample } from '@/lib/topology/types';
import { watchedKindFor } from '../bench/generated-model';
import { recordKey } from '../clusters/kinds';
import { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import { ambientTestFleet, buildStores, EAST, waypointDown, WEST } from '../sim/telemetry/ambient-test-fleet';
import { DataplaneResolver } from '../sim/telemetry/dataplane-resolver';
import { renderClusterMetrics } from '../sim/telemetry/exposition';
import { parseExposition } from '../sim/telemetry/parse-text';
import { TrafficModel } from '../sim/telemetry/traffic-model';
import { fleetFacts } from './fleet-facts';
import { inventory } from './topology';

// The simulator's ambient exposition (its own two-cluster test fleet) read by the product's fleet model and graph,
// without Prometheus: a counter's increase between two scrapes SECONDS apart is its rate * SECONDS. The demo's own check is ambient.int.test.ts.
const SECONDS = 100;

function setup() {
  const spec = ambientTestFleet();
  const stores = buildStores(spec);
  let now = 1_700_000_000_000;
  const traffic = new TrafficModel(spec, () => now);
  const resolver = new DataplaneResolver((name) => stores.get(name));
  const model = new FleetModel();
  const ok = { condition: () => ({ phase: 'ok' as const, reason: '', syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0 }), skipped: () => ({ count: 0, oversized: 0 }), kubernetesVersion: () => undefined };
  const load = () => {
    for (const [cluster, store] of stores) {
      model.upsertCluster({ name: cluster, displayName: cluster, source: 'test' }, ok);
      for (const t of store.types()) {
        for (const o of store.list(t.group ? `${t.group}/${t.version}` : t.version, t.kind)) {
          const k = watchedKindFor(o);
          const r = k?.slim(o);
          if (k && r?.ok) model.apply(cluster, k, recordKey(k.namespaced ? o.metadata.namespace : undefined, o.metadata.name), r.record);
        }
      }
    }
  };
  // Counter values at the last scrape: rates are the increase over SECONDS (a fault shows from the scrape after it).
  const last = new Map<string, number>();
  const graph = () => {
    now += SECONDS * 1000;
    const requests: TrafficSample[] = [];
    const tcp: TrafficSample[] = [];
    for (const cluster of [EAST, WEST]) {
      for (const s of parseExposition(renderClusterMetrics(traffic, cluster, undefined, { dataplane: resolver })).samples) {
        const key = `${cluster}\u0000${s.name}\u0000${JSON.stringify(s.labels)}`;
        const sample = { metric: s.labels, value: (s.value - (last.get(key) ?? 0)) / SECONDS, scrapeCluster: cluster };
        last.set(key, s.value);
        if (s.name === 'istio_requests_total') requests.push(sample);
        else if (s.name === 'istio_tcp_sent_bytes_total' || s.name === 'istio_tcp_received_bytes_total') tcp.push(sample);
      }
    }
    const facts = fleetFacts(model, ALL);
    const inv = inventory(facts, 'workload');
    return buildTopology({ graphType: 'workload', requests, tcp, p95: [], inventory: inv.nodes, hideIdle: false, ambient: facts.ambient?.(), readiness: (n) => inv.readiness.get(n.id) });
  };
  return { stores, load, graph };
}

const wl = (c: string, ns: string, w: string) => `wl:${c}/${ns}/${w}`;
const wp = (c: string) => `wp:${c}/shop/waypoint`;

describe('the simulator\'s ambient telemetry in the graph', () => {
  it('draws every reporting case once: through the waypoint, L4 only, and sidecars as before', () => {
    const { load, graph } = setup();
    load();
    const { elements, stats } = graph();
    const traffic = Object.fromEntries(elements.edges.map((e) => [e.data.id, e.data]));
    const sf = wl(EAST, 'shop', 'storefront-v1');
    expect(Object.keys(traffic).sort()).toEqual([
      `${sf}->${wp(EAST)}:http`,
      `${sf}->${wl(EAST, 'shop', 'pricing-v1')}:tcp`,
      `${wl(EAST, 'sample', 'sleep')}->${wl(EAST, 'sample', 'helloworld-v1')}:http`,
      `${wl(EAST, 'sample', 'sleep')}->${wp(EAST)}:http`,
      `${wl(EAST, 'shop', 'cart-v1')}->${wl(EAST, 'shop', 'inventory-db')}:tcp`,
      `${wp(EAST)}->${sf}:http`,
      `${wp(EAST)}->${wl(EAST, 'shop', 'cart-v1')}:http`,
      `${wp(EAST)}->${wl(WEST, 'shop', 'cart-v1')}:http`,
    ].sort());
    expect(traffic[`${sf}->${wp(EAST)}:http`]).toMatchObject({ rps: 15, hbone: true, waypoint: wp(EAST), mtlsShare: 1 });
    expect(traffic[`${wp(EAST)}->${wl(WEST, 'shop', 'cart-v1')}:http`]).toMatchObject({ rps: 5, hbone: true, crossCluster: true });
    expect(traffic[`${wl(EAST, 'sample', 'sleep')}->${wp(EAST)}:http`]).toMatchObject({ rps: 2, hbone: true });
    expect(traffic[`${sf}->${wl(EAST, 'shop', 'pricing-v1')}:tcp`]?.hbone).toBe(true);
    expect(traffic[`${wl(EAST, 'sample', 'sleep')}->${wl(EAST, 'sample', 'helloworld-v1')}:http`]).toMatchObject({ rps: 4 });
    expect(traffic[`${wl(EAST, 'sample', 'sleep')}->${wl(EAST, 'sample', 'helloworld-v1')}:http`]?.hbone).toBeUndefined();
    // ztunnel's hops into and out of the waypoint are not drawn; the waypoint is one node per cluster, never a workload.
    expect(elements.nodes.filter((n) => n.data.name === 'waypoint').map((n) => [n.data.id, n.data.kind])).toEqual([[wp(EAST), 'waypoint'], [wp(WEST), 'waypoint']]);
    expect(stats.totalRps).toBe(10 + 5 + 2 + 4);
  });

  it('shows a waypoint with no ready pod as failing, and the sidecar client\'s 503s', () => {
    const { stores, load, graph } = setup();
    load();
    graph();
    waypointDown(stores.get(EAST)!);
    load();
    graph();
    const { elements } = graph();
    expect(elements.nodes.find((n) => n.data.id === wp(EAST))?.data.health).toBe('failure');
    const fromSleep = elements.edges.filter((e) => e.data.source === wl(EAST, 'sample', 'sleep') && !e.data.target.includes('helloworld'));
    expect(fromSleep.map((e) => e.data.errorPercent)).toEqual([100]);
    expect(elements.edges.some((e) => e.data.source === wl(EAST, 'shop', 'storefront-v1') && e.data.protocol !== 'tcp')).toBe(false);
  });
});
