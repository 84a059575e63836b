import { CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/types';
import { startSimFleet, type SimFleet } from '../runtime';
import { coreApi, kubeConfig, portForwardGet, requestsTotal, waitUntil } from '../sim-test-support';

let fleet: SimFleet;
beforeAll(async () => {
  fleet = await startSimFleet();
});
afterAll(async () => {
  await fleet?.stop();
});
afterEach(async () => {
  await fleet.setScenario('healthy');
});

const GW = 'gateway.networking.k8s.io/v1';
type Cond = { type: string; status: string; reason?: string; message?: string };

const store = (cluster: string) => fleet.cluster(cluster).store;
const condOf = (status: unknown, type: string): Cond | undefined => ((status as { conditions?: Cond[] } | undefined)?.conditions ?? []).find((c) => c.type === type);
const programmed = (cluster: string, ns: string, name: string) => condOf(store(cluster).get(GW, 'Gateway', ns, name)?.status, 'Programmed');
const bound = (cluster: string, service: string) => condOf(store(cluster).get('v1', 'Service', 'shop', service)?.status, 'istio.io/WaypointBound');
const routeCond = (route: KubeObject | undefined, type: string) => condOf((route?.status as { parents?: unknown[] } | undefined)?.parents?.[0], type);
const podReady = (p: KubeObject | undefined) => condOf(p?.status, 'Ready')?.status === 'True';
const gatewayPods = (cluster: string, ns: string, gateway: string) => store(cluster).list('v1', 'Pod', ns).filter((p) => p.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] === gateway);
const WAIT = 5000;

/** A route as a client reads it through the cluster's API (status included). */
async function readRoute(cluster: string, namespace: string, name: string): Promise<KubeObject> {
  return (await kubeConfig(fleet, cluster).makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group: 'gateway.networking.k8s.io', version: 'v1', namespace, plural: 'httproutes', name })) as KubeObject;
}

describe('ambient and Gateway API scenarios, as the status controller and the store show them', () => {
  it('healthy: waypoints programmed, shop services bound, routes accepted', () => {
    for (const c of ['us-east-1', 'us-west-2']) {
      expect(programmed(c, 'shop', 'waypoint')?.status, c).toBe('True');
      expect(programmed(c, 'istio-ingress', 'public')?.status, c).toBe('True');
      expect(bound(c, 'cart'), c).toMatchObject({ status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint' });
      expect(bound(c, 'inventory-db'), c).toBeUndefined();
      expect(routeCond(store(c).get(GW, 'HTTPRoute', 'shop', 'storefront'), 'Accepted')?.status, c).toBe('True');
    }
  });

  it('waypoint-down: us-east-1 waypoint not Programmed, services WaypointIsNotReady, sidecar clients see 503 UH', async () => {
    await fleet.setScenario('waypoint-down');
    await waitUntil(() => programmed('us-east-1', 'shop', 'waypoint')?.status === 'False', WAIT, 'Programmed False');
    expect(programmed('us-east-1', 'shop', 'waypoint')?.reason).toBe('AddressNotAssigned');
    expect(bound('us-east-1', 'storefront')).toMatchObject({ status: 'False', reason: 'WaypointIsNotReady', message: 'waypoint "shop/waypoint" is not ready' });
    expect(gatewayPods('us-east-1', 'shop', 'waypoint').some(podReady)).toBe(false);
    expect((store('us-east-1').get('apps/v1', 'Deployment', 'shop', 'waypoint')?.status as { readyReplicas?: number }).readyReplicas).toBe(0);
    expect(programmed('us-west-2', 'shop', 'waypoint')?.status).toBe('True');
    expect(bound('us-west-2', 'cart')?.status).toBe('True');
    // The telemetry resolver follows the same store: the ingress gateway's calls to storefront fail upstream.
    await waitUntil(async () => (await requestsTotal(fleet.cluster('us-east-1').metricsUrl, { reporter: 'source', destination_service_name: 'storefront', response_code: '503', response_flags: 'UH' })) > 0, WAIT, '503 UH to storefront');

    await fleet.setScenario('healthy');
    await waitUntil(() => programmed('us-east-1', 'shop', 'waypoint')?.status === 'True', WAIT, 'Programmed True again');
    expect(bound('us-east-1', 'storefront')?.status).toBe('True');
    expect(gatewayPods('us-east-1', 'shop', 'waypoint').every(podReady)).toBe(true);
  });

  it('route-not-accepted: in us-west-2 bookinfo is RefNotPermitted and storefront NoMatchingParent, read through the API', async () => {
    await fleet.setScenario('route-not-accepted');
    const bookinfo = await waitUntil(async () => {
      const r = await readRoute('us-west-2', 'istio-ingress', 'bookinfo');
      return routeCond(r, 'ResolvedRefs')?.status === 'False' && r;
    }, WAIT, 'bookinfo ResolvedRefs False');
    expect(routeCond(bookinfo, 'ResolvedRefs')?.reason).toBe('RefNotPermitted');
    const storefront = await readRoute('us-west-2', 'shop', 'storefront');
    expect(routeCond(storefront, 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', message: 'sectionName "https" not found' });
    expect(routeCond(await readRoute('us-east-1', 'shop', 'storefront'), 'Accepted')?.status).toBe('True');
    expect(store('us-west-2').get('gateway.networking.k8s.io/v1beta1', 'ReferenceGrant', 'bookinfo', 'allow-ingress-routes')).toBeUndefined();

    await fleet.setScenario('healthy');
    await waitUntil(async () => routeCond(await readRoute('us-west-2', 'istio-ingress', 'bookinfo'), 'ResolvedRefs')?.status === 'True', WAIT, 'bookinfo resolved again');
    const back = await readRoute('us-west-2', 'shop', 'storefront');
    expect(routeCond(back, 'Accepted')?.status).toBe('True');
    expect((back.spec as { parentRefs: Array<{ sectionName?: string }> }).parentRefs[0]?.sectionName).toBe('http');
  });

  it('ztunnel-node-down: the ztunnel on the first storefront-v1 node is not ready, the DaemonSet one short', async () => {
    const first = store('us-east-1').list('v1', 'Pod', 'shop').filter((p) => p.metadata.name.startsWith('storefront-v1-')).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))[0];
    const node = (first?.spec as { nodeName: string }).nodeName;
    const ztunnelOn = (n: string) => store('us-east-1').list('v1', 'Pod', 'istio-system').find((p) => p.metadata.labels?.app === 'ztunnel' && (p.spec as { nodeName?: string }).nodeName === n);
    const ds = () => store('us-east-1').get('apps/v1', 'DaemonSet', 'istio-system', 'ztunnel')?.status as { desiredNumberScheduled: number; numberReady: number };
    expect(podReady(ztunnelOn(node))).toBe(true);
    await fleet.setScenario('ztunnel-node-down');
    expect(podReady(ztunnelOn(node))).toBe(false);
    expect(ds().numberReady).toBe(ds().desiredNumberScheduled - 1);
    const others = store('us-east-1').list('v1', 'Pod', 'istio-system').filter((p) => p.metadata.labels?.app === 'ztunnel' && (p.spec as { nodeName?: string }).nodeName !== node);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every(podReady)).toBe(true);
    await fleet.setScenario('healthy');
    expect(podReady(ztunnelOn(node))).toBe(true);
    expect(ds().numberReady).toBe(ds().desiredNumberScheduled);
  });

  it('dataplane-mismatch: us-west-2 shop is relabelled to injection and its pods run sidecars', async () => {
    const labels = () => store('us-west-2').get('v1', 'Namespace', undefined, 'shop')?.metadata.labels ?? {};
    const appPods = () => store('us-west-2').list('v1', 'Pod', 'shop').filter((p) => !p.metadata.labels?.['gateway.networking.k8s.io/gateway-name']);
    const hasSidecar = (p: KubeObject) => (p.spec as { containers: Array<{ name: string }> }).containers.some((c) => c.name === 'istio-proxy');
    await fleet.setScenario('dataplane-mismatch');
    const ns = (await coreApi(fleet, 'us-west-2').readNamespace({ name: 'shop' })).metadata?.labels ?? {};
    expect(ns['istio-injection']).toBe('enabled');
    expect(ns['istio.io/dataplane-mode']).toBeUndefined();
    expect(ns['istio.io/use-waypoint']).toBe('waypoint');
    expect(appPods().length).toBeGreaterThan(0);
    for (const p of appPods()) {
      expect(hasSidecar(p), p.metadata.name).toBe(true);
      expect(p.metadata.annotations?.['ambient.istio.io/redirection'], p.metadata.name).toBeUndefined();
      expect(p.metadata.labels?.['security.istio.io/tlsMode'], p.metadata.name).toBe('istio');
    }
    // The waypoint's pods run their own proxy and are left as they are.
    const waypointPods = gatewayPods('us-west-2', 'shop', 'waypoint');
    expect(waypointPods.length).toBeGreaterThan(0);
    expect(waypointPods.some((p) => p.metadata.annotations?.['sidecar.istio.io/status'] !== undefined)).toBe(false);
    expect(store('us-east-1').get('v1', 'Namespace', undefined, 'shop')?.metadata.labels?.['istio.io/dataplane-mode']).toBe('ambient');

    await fleet.setScenario('healthy');
    expect(labels()['istio.io/dataplane-mode']).toBe('ambient');
    expect(labels()['istio-injection']).toBeUndefined();
    for (const p of appPods()) {
      expect(hasSidecar(p), p.metadata.name).toBe(false);
      expect(p.metadata.annotations?.['ambient.istio.io/redirection'], p.metadata.name).toBe('enabled');
    }
  });

  it('waypoint-missing: the us-west-2 waypoint objects are gone and bound services say not ready; all come back', async () => {
    const uid = store('us-west-2').get(GW, 'Gateway', 'shop', 'waypoint')?.metadata.uid;
    await fleet.setScenario('waypoint-missing');
    expect(store('us-west-2').get(GW, 'Gateway', 'shop', 'waypoint')).toBeUndefined();
    expect(store('us-west-2').get('apps/v1', 'Deployment', 'shop', 'waypoint')).toBeUndefined();
    expect(store('us-west-2').get('v1', 'Service', 'shop', 'waypoint')).toBeUndefined();
    expect(store('us-west-2').get('v1', 'Endpoints', 'shop', 'waypoint')).toBeUndefined();
    expect(gatewayPods('us-west-2', 'shop', 'waypoint')).toEqual([]);
    await waitUntil(() => bound('us-west-2', 'cart')?.status === 'False', WAIT, 'cart WaypointBound False');
    expect(bound('us-west-2', 'pricing')).toMatchObject({ status: 'False', reason: 'WaypointIsNotReady', message: 'waypoint "shop/waypoint" is not ready' });
    expect(bound('us-east-1', 'cart')?.status).toBe('True');

    await fleet.setScenario('healthy');
    await waitUntil(() => bound('us-west-2', 'cart')?.status === 'True', WAIT, 'cart bound again');
    expect(store('us-west-2').get(GW, 'Gateway', 'shop', 'waypoint')?.metadata.uid).toBe(uid);
    expect(programmed('us-west-2', 'shop', 'waypoint')?.status).toBe('True');
    expect(gatewayPods('us-west-2', 'shop', 'waypoint').length).toBeGreaterThan(0);
    expect(store('us-west-2').list('discovery.k8s.io/v1', 'EndpointSlice', 'shop').some((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'waypoint')).toBe(true);
  });

  it('ztunnel pods answer port-forwards to their admin port 15000', async () => {
    const pod = store('us-east-1').list('v1', 'Pod', 'istio-system').find((p) => p.metadata.labels?.app === 'ztunnel');
    const res = await portForwardGet(kubeConfig(fleet, 'us-east-1'), 'istio-system', pod?.metadata.name ?? '', 15000, '/config_dump');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('workloads');
  });
});
