import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { clustersConfigSchema } from '../config/schema';
import { startFleetRuntime, type FleetRuntime } from './fleet-runtime';
import { diffModelWithStore } from './compare-with-sim';
import { getCluster, getClusters } from './clusters';
import { getService, getServices } from './services';
import { getWorkloads } from './workloads';
import { getConfigObjects } from './config';
import { ALL } from './scope';

/** Polls until check() is true; fails with `what` after ms. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let sim: SimFleet;
let fleet: FleetRuntime;
const inSync = () => sim.clusters.every((c) => fleet.model.cluster(c.name)?.view.condition(Date.now()).phase === 'ok' && diffModelWithStore(fleet.model, c.name, c.store).length === 0);
const AMBIENT = ['us-east-1', 'us-west-2'];
const cluster = (name: string) => getCluster(fleet.model, ALL, name)!.data;
const instance = (ns: string, name: string, c: string) => getService(fleet.model, ALL, ns, name, { cluster: c })!.data.instances.find((i) => i.cluster === c)!;

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], istiodPollSeconds: 1, requestTimeoutSeconds: 8 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 } });
  await fleet.started;
  await until(inSync, 30_000, 'every cluster synced');
});

afterAll(async () => {
  fleet?.stop();
  await sim?.stop();
});

describe('ambient mode and Gateway API in the simulated demo fleet', () => {
  it("reads the shop namespace as ambient, and bookinfo's sidecars as before", () => {
    for (const c of AMBIENT) {
      const shop = getWorkloads(fleet.model, ALL, { page: 1, pageSize: 500, cluster: c, namespace: 'shop' }).data.items.flatMap((g) => g.workloads);
      const apps = shop.filter((w) => w.name !== 'waypoint');
      expect(apps.length, c).toBeGreaterThan(0);
      for (const w of apps) expect(`${c}/${w.name}:${w.dataplane}`).toBe(`${c}/${w.name}:ambient`);
      expect(instance('shop', 'cart', c).dataplane).toBe('ambient');
    }
    const rows = getServices(fleet.model, ALL, { page: 1, pageSize: 500, sort: 'name', dataplane: 'ambient' }).data.items.map((r) => `${r.namespace}/${r.name}`);
    expect(rows).toEqual(expect.arrayContaining(['shop/cart', 'shop/storefront', 'shop/pricing', 'shop/inventory-db']));
    expect(rows.filter((r) => !r.startsWith('shop/'))).toEqual([]);
    const productpage = getServices(fleet.model, ALL, { page: 1, pageSize: 500, sort: 'name', namespace: 'bookinfo', q: 'productpage' }).data.items;
    for (const r of productpage) expect(r.dataplanes).toEqual(['sidecar']);
  });

  it('finds the waypoint with the services and namespace bound to it, ready and programmed', () => {
    for (const c of AMBIENT) {
      const [wp, ...more] = cluster(c).waypoints;
      expect(more).toEqual([]);
      expect(wp).toMatchObject({ namespace: 'shop', name: 'waypoint', for: 'service', programmed: true, namespaces: ['shop'] });
      expect(wp!.ready).toBeGreaterThan(0);
      expect(wp!.ready).toBe(wp!.desired);
      expect(wp!.services).toEqual(expect.arrayContaining(['shop/cart', 'shop/storefront', 'shop/pricing']));
      // L4 only by its own label; the waypoint's own Service uses none.
      expect(wp!.services).not.toContain('shop/inventory-db');
      expect(wp!.services).not.toContain('shop/waypoint');
      expect(instance('shop', 'cart', c).waypoint).toMatchObject({ namespace: 'shop', name: 'waypoint', ready: true, bound: { status: 'True', reason: 'WaypointAccepted' } });
    }
    expect(instance('shop', 'inventory-db', 'us-east-1').waypoint).toBeUndefined();
  });

  it('has a ready ztunnel on every node where ztunnel runs, and none where it does not', () => {
    for (const c of [...AMBIENT, 'eu-central-1']) {
      const d = cluster(c);
      expect(d.ztunnels.length, c).toBe(d.counts.nodes);
      for (const z of d.ztunnels) expect(`${c}/${z.node}:${z.state}`).toBe(`${c}/${z.node}:ready`);
      expect(d.ztunnels.every((z) => z.pod?.startsWith('ztunnel-') && z.version)).toBe(true);
    }
    expect(cluster('us-east-1').ztunnels.reduce((n, z) => n + z.ambientPods, 0)).toBeGreaterThan(0);
    const items = getClusters(fleet.model, ALL).data.items;
    const eu = items.find((i) => i.name === 'eu-central-1')!;
    expect(eu.ambient).toMatchObject({ ambientNamespaces: 0, waypoints: 0, ztunnelReady: eu.ambient!.ztunnelNodes });
    expect(items.find((i) => i.name === 'us-east-1')!.ambient).toMatchObject({ ambientNamespaces: 1, waypoints: 1 });
    const staging = items.find((i) => !AMBIENT.includes(i.name) && i.name !== 'eu-central-1')!;
    expect(staging.ambient).toBeUndefined();
    expect(cluster(staging.name).ztunnels).toEqual([]);
  });

  it('gives shop/cart and bookinfo/productpage their routes, accepted in both clusters', () => {
    const cart = getService(fleet.model, ALL, 'shop', 'cart')!.data.routes.find((r) => r.kind === 'HTTPRoute' && r.name === 'cart')!;
    expect(cart.namespace).toBe('shop');
    expect(cart.backends).toEqual([{ service: 'shop/cart-v1', weight: 90 }, { service: 'shop/cart-v2', weight: 10 }]);
    expect(cart.clusters.map((c) => c.cluster)).toEqual(AMBIENT);
    for (const c of cart.clusters) expect(c.parents).toEqual([{ parent: 'Service shop/cart:8080', accepted: expect.objectContaining({ status: 'True' }), resolvedRefs: expect.objectContaining({ status: 'True' }) }]);

    const pp = getService(fleet.model, ALL, 'bookinfo', 'productpage', { cluster: 'us-east-1' })!.data.routes.find((r) => r.kind === 'HTTPRoute')!;
    expect(`${pp.namespace}/${pp.name}`).toBe('istio-ingress/bookinfo');
    expect(pp.backends).toEqual([{ service: 'bookinfo/productpage' }]);
    expect(pp.clusters.map((c) => c.cluster)).toEqual(AMBIENT);
    for (const c of pp.clusters) expect(c.parents).toEqual([{ parent: 'Gateway istio-ingress/public:http', accepted: expect.objectContaining({ status: 'True' }), resolvedRefs: expect.objectContaining({ status: 'True' }) }]);
  });

  it('follows waypoint-down and ztunnel-node-down, and their revert', async () => {
    await sim.setScenario('waypoint-down');
    await until(() => cluster('us-east-1').waypoints[0]?.programmed === false && instance('shop', 'cart', 'us-east-1').waypoint?.bound?.status === 'False', 15_000, 'the waypoint down in us-east-1');
    expect(instance('shop', 'cart', 'us-east-1').waypoint).toMatchObject({ ready: false, bound: { status: 'False', reason: 'WaypointIsNotReady' } });
    expect(cluster('us-east-1').waypoints[0]!.ready).toBe(0);
    expect(instance('shop', 'cart', 'us-west-2').waypoint?.ready).toBe(true);

    await sim.setScenario('ztunnel-node-down');
    await until(() => cluster('us-east-1').ztunnels.some((z) => z.state === 'not-ready') && instance('shop', 'cart', 'us-east-1').waypoint?.ready === true, 15_000, 'one ztunnel not ready, the waypoint back');
    const down = cluster('us-east-1').ztunnels.filter((z) => z.state !== 'ready');
    expect(down).toHaveLength(1);
    expect(down[0]!.ambientPods).toBeGreaterThan(0);
    expect(getClusters(fleet.model, ALL).data.items.find((i) => i.name === 'us-east-1')!.ambient!.ztunnelReady).toBe(cluster('us-east-1').ztunnels.length - 1);

    await sim.setScenario('healthy');
    await until(() => cluster('us-east-1').ztunnels.every((z) => z.state === 'ready'), 15_000, 'every ztunnel ready again');
    await until(inSync, 15_000, 'the model equal to the stores again');
  });

  it('lists Gateway API objects with their status; route-not-accepted turns one cluster\'s into errors, healthy clears it', async () => {
    const routes = () => getConfigObjects(fleet.model, ALL, { kind: 'HTTPRoute', page: 1, pageSize: 100 }).data.items;
    const row = (c: string, ns: string, name: string) => routes().find((o) => o.cluster === c && o.namespace === ns && o.name === name);
    for (const c of AMBIENT) expect(row(c, 'istio-ingress', 'bookinfo')?.statusSummary).toEqual({ state: 'ok', failing: [] });
    // Istio kinds and ReferenceGrants carry none.
    expect(getConfigObjects(fleet.model, ALL, { kind: 'ReferenceGrant', page: 1, pageSize: 100 }).data.items.every((o) => o.statusSummary === undefined)).toBe(true);
    expect(getConfigObjects(fleet.model, ALL, { kind: 'VirtualService', page: 1, pageSize: 100 }).data.items.every((o) => o.statusSummary === undefined)).toBe(true);

    await sim.setScenario('route-not-accepted');
    await until(() => row('us-west-2', 'shop', 'storefront')?.statusSummary?.state === 'error' && row('us-west-2', 'istio-ingress', 'bookinfo')?.statusSummary?.state === 'error', 15_000, 'the routes failing in us-west-2');
    expect(row('us-west-2', 'shop', 'storefront')!.statusSummary!.failing).toEqual([expect.objectContaining({ where: 'Gateway istio-ingress/public:https', type: 'Accepted', status: 'False', reason: 'NoMatchingParent' })]);
    expect(row('us-west-2', 'istio-ingress', 'bookinfo')!.statusSummary!.failing).toEqual([expect.objectContaining({ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' })]);
    expect(row('us-east-1', 'shop', 'storefront')?.statusSummary?.state).toBe('ok');

    await sim.setScenario('healthy');
    await until(() => routes().every((o) => o.statusSummary?.state === 'ok'), 15_000, 'every route accepted again');
  });
});
