import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/analysis/types';
import { clustersConfigSchema } from '../config/schema';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';
import { ALL } from '../fleet/scope';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { AnalysisEngine } from './engine';
import { getFindings } from './findings';

const AMBIENT_CODES = ['MG0019', 'MG0020', 'MG0021', 'MG0022', 'MG0023'];

let sim: SimFleet;
let fleet: FleetRuntime;
let engine: AnalysisEngine;

/** Findings as GET /api/v1/findings would serve them (all levels, one big page). */
const served = (q: { code?: string } = {}): Finding[] => getFindings(fleet.model, engine.current(), ALL, { ...q, page: 1, pageSize: 500 }).data.items;
const ambientFindings = () => served().filter((f) => AMBIENT_CODES.includes(f.code));
/** IST0171 on the demo's Gateway API routes (the healthy demo has none). */
const routeConditions = () => served({ code: 'IST0171' }).filter((f) => f.objects.some((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute'));
const names = (f: Finding) => f.objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`);

async function until<T>(get: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; findings: ${served().map((f) => `${f.code} ${f.message}`).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allOk = () => sim.clusters.every((c) => fleet.model.cluster(c.name)?.view.condition(Date.now()).phase === 'ok');
const analysedNow = () => ((engine.current().revision ?? -1) >= fleet.model.revision ? true : undefined);
/** Whether the fleet holds a Gateway API object (watched group) in a cluster. */
const hasGatewayApi = (cluster: string, kind: string, key: string) => {
  for (const objects of fleet.model.cluster(cluster)?.store.config.values() ?? []) {
    for (const o of objects.values()) if (o.group === 'gateway.networking.k8s.io' && o.kind === kind && `${o.namespace}/${o.name}` === key) return o;
  }
  return undefined;
};

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 4, istiodPollSeconds: 1, requestTimeoutSeconds: 8 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 }, sourcePollMs: 500 });
  engine = new AnalysisEngine(fleet.model, { debounceMs: 100, maxWaitMs: 500 }).start();
  await fleet.started;
  await until(() => allOk() || undefined, 30_000, 'every cluster ok');
}, 60_000);

afterAll(async () => {
  engine?.stop();
  fleet?.stop();
  await sim?.stop();
});

describe('ambient and Gateway API analysis against the simulated demo fleet', () => {
  it('healthy: the fleet sees the waypoints and routes with their status, and none of MG0019-MG0023 fire', async () => {
    // Without these the rules would be quiet for want of input, proving nothing.
    for (const cluster of ['us-east-1', 'us-west-2']) {
      await until(() => hasGatewayApi(cluster, 'Gateway', 'shop/waypoint'), 15_000, `Gateway shop/waypoint in ${cluster} in the fleet model`);
      const route = await until(() => hasGatewayApi(cluster, 'HTTPRoute', 'shop/storefront'), 15_000, `HTTPRoute shop/storefront in ${cluster}`);
      await until(() => ((route.status as { parents?: unknown[] } | undefined)?.parents?.length ? true : undefined), 15_000, `the route's status in ${cluster}`);
    }
    await until(analysedNow, 5_000, 'an analysis of the current model');
    expect(ambientFindings().map((f) => `${f.code} ${f.message}`)).toEqual([]);
    expect(routeConditions().map((f) => `${f.code} ${f.message}`)).toEqual([]);
  }, 60_000);

  it.each([
    ['dataplane-mismatch', 'MG0019', 'us-west-2/Service/shop/cart'],
    ['waypoint-missing', 'MG0020', 'us-west-2/Namespace//shop'],
    ['route-not-accepted', 'MG0021', 'us-west-2/HTTPRoute/shop/storefront'],
    ['route-not-accepted', 'MG0021', 'us-west-2/HTTPRoute/istio-ingress/bookinfo'],
    ['route-not-accepted', 'IST0171', 'us-west-2/HTTPRoute/shop/storefront'],
    ['waypoint-down', 'MG0022', 'us-east-1/Gateway/shop/waypoint'],
    ['ztunnel-node-down', 'MG0023', 'us-east-1/Node/'],
  ])('%s produces %s on %s, and recovery clears it', async (scenario, code, object) => {
    await sim.setScenario(scenario);
    const hit = await until(() => served({ code }).find((f) => names(f).some((n) => n.startsWith(object))), 15_000, `${code} on ${object}`);
    const cluster = object.split('/')[0]!;
    expect(hit.clusters).toContain(cluster);
    if (code === 'MG0019') expect(hit.message).toMatch(/ambient in us-east-1; sidecar in us-west-2/);
    if (code === 'MG0020') expect(hit.message).toContain('exists in us-east-1 but not in us-west-2');
    if (code === 'MG0021' && object.endsWith('storefront')) expect(hit.message).toContain('NoMatchingParent');
    if (code === 'MG0021' && object.endsWith('bookinfo')) expect(hit.message).toContain('RefNotPermitted');
    if (code === 'MG0022') expect(hit.message).toContain('shop/cart');
    if (code === 'MG0023') expect(hit.message).toMatch(/runs \d+ ambient pods?/);
    await sim.setScenario('healthy');
    await until(() => (ambientFindings().length === 0 && routeConditions().length === 0 ? true : undefined), 15_000, 'the findings to clear after recovery');
  }, 45_000);
});
