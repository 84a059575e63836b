/**
 * The edge latency regression signal against the simulator and real
 * Prometheus (one global, one per cluster), with a baseline shortened to
 * 20 s ending 25 s ago so that history builds up in under a minute: healthy
 * shows nothing, the `latency` scenario flags productpage-v1 -> reviews-v2 in
 * us-east-1 with its factor, and back in healthy the edge clears; so does
 * `waypoint-latency`, an ambient edge only its waypoint reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeLatencyRegression } from '@/lib/api/latency-signals';
import { telemetryConfigSchema } from '../config/schema';
import { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import { startPrometheus, type PrometheusHandle } from '../sim/prometheus';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { waitUntil } from '../sim/sim-test-support';
import type { QueryContext } from './fan-out';
import { fleetFacts } from './fleet-facts';
import { getLatencyRegressions } from './latency-regression';
import { EDGE_LATENCY_LABELS, type LatencyBaseline } from './latency-regression-queries';
import { histogramPresentQuery } from './promql/istio-queries';
import { createTelemetryService, type TelemetryService } from './telemetry-service';

const WINDOW = '10s';
const BASELINE: LatencyBaseline = { range: '20s', offset: '25s' };
let sim: SimFleet;
let globalProm: PrometheusHandle;
let perClusterProm: PrometheusHandle;
// Telemetry reads need only the cluster names from the fleet model: no sync to wait for.
const model = new FleetModel();
const modes: Record<string, TelemetryService> = {};
const regressions = async (svc: TelemetryService) => (await getLatencyRegressions(svc, fleetFacts(model, ALL), { window: WINDOW })).data;
const isTarget = (i: EdgeLatencyRegression) => i.cluster === 'us-east-1' && i.namespace === 'bookinfo' && i.service === 'reviews' && i.workload === 'reviews-v2' && i.source?.workload === 'productpage-v1';

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  for (const c of sim.clusters) model.upsertCluster({ name: c.name, displayName: c.name, source: 'test' });
  [globalProm, perClusterProm] = await Promise.all([
    startPrometheus({ targets: sim.prometheusTargets, mode: 'global', clusterLabel: 'cluster', scrapeIntervalSeconds: 1 }),
    startPrometheus({ targets: sim.prometheusTargets, mode: 'per-cluster', scrapeIntervalSeconds: 1 }),
  ]);
  const common = { window: WINDOW, cacheSeconds: 1, timeoutSeconds: 5 };
  const perCluster = Object.fromEntries(perClusterProm.instances.map((i) => [i.cluster ?? '', { url: i.url }]));
  modes.global = { ...createTelemetryService(telemetryConfigSchema.parse({ ...common, mode: 'global', global: { url: globalProm.url, clusterLabel: 'cluster' } })), latencyBaseline: BASELINE };
  modes['per-cluster'] = { ...createTelemetryService(telemetryConfigSchema.parse({ ...common, mode: 'per-cluster', perCluster })), latencyBaseline: BASELINE };
  // History back to the baseline's start (45 s) in every Prometheus: before that no edge has a baseline.
  for (const svc of Object.values(modes)) {
    const present = (ctx: Parameters<Parameters<TelemetryService['client']['instant']>[0]>[0]) =>
      histogramPresentQuery({ reporter: 'destination', groupBy: ctx.clusterLabel ? [...EDGE_LATENCY_LABELS, ctx.clusterLabel] : EDGE_LATENCY_LABELS, matchers: [{ label: 'destination_workload', op: '=', value: 'reviews-v2' }] }, '46s');
    await waitUntil(async () => (await svc.client.instant(present, ['us-east-1'])).samples.length > 0, 75_000, 'history covering the baseline');
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([globalProm?.stop(), perClusterProm?.stop()]);
  await sim?.stop();
});

describe.each(['global', 'per-cluster'])('edge latency regressions in %s mode', (mode) => {
  const svc = () => modes[mode]!;

  it('flags nothing while the fleet is healthy', async () => {
    const data = await regressions(svc());
    expect(Object.values(data.telemetry).every((t) => t.state === 'ok')).toBe(true);
    expect(data.baseline).toEqual({ ...BASELINE, rangeSeconds: 20 });
    expect(data.items).toEqual([]);
  });
});

describe('the latency scenario (both modes)', () => {
  it('names productpage-v1 -> reviews-v2 in us-east-1 with its factor over its own baseline', async () => {
    await sim.setScenario('latency');
    for (const svc of Object.values(modes)) {
      // Flagged as soon as p99 is 3x and 200 ms over; then it settles near the scenario's ~900 ms.
      const hit = await waitUntil(async () => (await regressions(svc)).items.find((i) => isTarget(i) && i.nowMs > 600), 30_000, 'the edge flagged at its full p99');
      expect(hit.quantile).toBe('p99');
      expect(hit.source).toEqual({ cluster: 'us-east-1', namespace: 'bookinfo', workload: 'productpage-v1' });
      // The healthy p99 of that edge is 110 ms.
      expect(hit.baselineMs).toBeGreaterThan(60);
      expect(hit.baselineMs).toBeLessThan(250);
      expect(hit.factor).toBeGreaterThanOrEqual(3);
      expect(hit.factor).toBeCloseTo(hit.nowMs / hit.baselineMs, 0);
    }
  });

  it('clears once the scenario is back to healthy', async () => {
    await sim.setScenario('healthy');
    for (const svc of Object.values(modes)) await waitUntil(async () => !(await regressions(svc)).items.some(isTarget), 30_000, 'the edge cleared');
  });
});

describe('the waypoint-latency scenario (both modes)', () => {
  const isShopEdge = (i: EdgeLatencyRegression) => i.cluster === 'us-east-1' && i.namespace === 'shop' && i.workload === 'cart-v1' && i.source?.workload === 'storefront-v1';
  const reportedBy = (reporter: 'destination' | 'waypoint') => (ctx: QueryContext) =>
    histogramPresentQuery({ reporter, groupBy: ctx.clusterLabel ? [...EDGE_LATENCY_LABELS, ctx.clusterLabel] : EDGE_LATENCY_LABELS, matchers: [{ label: 'destination_workload', op: '=', value: 'cart-v1' }, { label: 'source_workload', op: '=', value: 'storefront-v1' }] }, '46s');

  it('names storefront-v1 -> cart-v1 in us-east-1 from the waypoint\'s reports, the only L7 ones of that ambient edge', async () => {
    for (const svc of Object.values(modes)) {
      expect((await svc.client.instant(reportedBy('waypoint'), ['us-east-1'])).samples.length).toBeGreaterThan(0);
      expect((await svc.client.instant(reportedBy('destination'), ['us-east-1'])).samples).toEqual([]);
    }
    await sim.setScenario('waypoint-latency');
    for (const svc of Object.values(modes)) {
      const hit = await waitUntil(async () => (await regressions(svc)).items.find((i) => isShopEdge(i) && i.nowMs > 600), 30_000, 'the ambient edge flagged at its full p99');
      expect(hit.source).toEqual({ cluster: 'us-east-1', namespace: 'shop', workload: 'storefront-v1' });
      expect(hit.baselineMs).toBeLessThan(200);
      expect(hit.factor).toBeGreaterThanOrEqual(3);
      // Only that edge: the sidecar edges keep their latency.
      expect((await regressions(svc)).items.filter((i) => !isShopEdge(i))).toEqual([]);
    }
  });

  it('clears once the scenario is back to healthy', async () => {
    await sim.setScenario('healthy');
    for (const svc of Object.values(modes)) await waitUntil(async () => !(await regressions(svc)).items.some(isShopEdge), 30_000, 'the ambient edge cleared');
  });
});
