import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject, StoreEvent } from '../kube/types';
import { GATEWAY_API } from './cluster-view';
import { startGatewayStatusController, statusWrites, type GatewayStatusController } from './controller';
import { gatewayPod, grant, shopStore, cond, parentCond } from './test-support';
import { WAYPOINT_BOUND } from './waypoint-bound';

const tick = () => new Promise((r) => setImmediate(r));

let controller: GatewayStatusController | undefined;
afterEach(() => controller?.stop());

describe('gateway status controller', () => {
  it('writes status on start (valid against the CRD schemas) and nothing more when nothing changed', () => {
    const store = shopStore();
    controller = startGatewayStatusController(store);
    expect(cond(store.get(GATEWAY_API, 'Gateway', 'shop', 'waypoint')?.status, 'Programmed')?.status).toBe('True');
    const pub = store.get(GATEWAY_API, 'Gateway', 'istio-ingress', 'public')?.status as { listeners: Array<{ attachedRoutes: number }> };
    expect(pub.listeners[0]?.attachedRoutes).toBe(2);
    expect(parentCond(store.get(GATEWAY_API, 'HTTPRoute', 'shop', 'storefront')?.status, 'public', 'Accepted')?.status).toBe('True');
    expect(cond(store.get('v1', 'Service', 'shop', 'cart')?.status, WAYPOINT_BOUND)?.status).toBe('True');
    expect(controller.sync()).toBe(0);
    expect(statusWrites(store, '2030-01-01T00:00:00Z')).toEqual([]);
  });

  it('follows changes within a tick, keeps generation, and does not loop on its own writes', async () => {
    const store = shopStore();
    controller = startGatewayStatusController(store);
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    const before = store.get(GATEWAY_API, 'Gateway', 'shop', 'waypoint');
    store.apply(gatewayPod('shop', 'waypoint-abc', 'waypoint', false));
    await tick();
    await tick();
    const after = store.get(GATEWAY_API, 'Gateway', 'shop', 'waypoint');
    expect(cond(after?.status, 'Programmed')).toMatchObject({ status: 'False', reason: 'AddressNotAssigned' });
    expect(after?.metadata.generation).toBe(before?.metadata.generation);
    expect(cond(after?.status, 'Accepted')?.lastTransitionTime).toBe(cond(before?.status, 'Accepted')?.lastTransitionTime);
    expect(cond(store.get('v1', 'Service', 'shop', 'cart')?.status, WAYPOINT_BOUND)).toMatchObject({ status: 'False', reason: 'WaypointIsNotReady' });
    // The pod, the Gateway and the two bound Services (cart, storefront): one write each, then quiet.
    const written = events.length;
    expect(written).toBe(4);
    await tick();
    await tick();
    expect(events.length).toBe(written);
  });

  it('coalesces a burst of changes into one pass and reverts when they are undone', async () => {
    const store = shopStore();
    controller = startGatewayStatusController(store);
    store.delete('gateway.networking.k8s.io/v1beta1', 'ReferenceGrant', 'bookinfo', 'allow-ingress-routes');
    store.apply({ ...(store.get(GATEWAY_API, 'HTTPRoute', 'shop', 'storefront') as KubeObject), spec: { parentRefs: [{ name: 'public', namespace: 'istio-ingress', sectionName: 'https' }], rules: [{ backendRefs: [{ name: 'storefront', port: 8080 }] }] } });
    await tick();
    expect(parentCond(store.get(GATEWAY_API, 'HTTPRoute', 'istio-ingress', 'bookinfo')?.status, 'public', 'ResolvedRefs')?.reason).toBe('RefNotPermitted');
    expect(parentCond(store.get(GATEWAY_API, 'HTTPRoute', 'shop', 'storefront')?.status, 'public', 'Accepted')?.reason).toBe('NoMatchingParent');
    expect((store.get(GATEWAY_API, 'Gateway', 'istio-ingress', 'public')?.status as { listeners: Array<{ attachedRoutes: number }> }).listeners[0]?.attachedRoutes).toBe(1);
    store.apply(grant());
    await tick();
    expect(parentCond(store.get(GATEWAY_API, 'HTTPRoute', 'istio-ingress', 'bookinfo')?.status, 'public', 'ResolvedRefs')?.status).toBe('True');
  });

  it('stops following the store when stopped', async () => {
    const store = shopStore();
    controller = startGatewayStatusController(store);
    controller.stop();
    store.apply(gatewayPod('shop', 'waypoint-abc', 'waypoint', false));
    await tick();
    expect(cond(store.get(GATEWAY_API, 'Gateway', 'shop', 'waypoint')?.status, 'Programmed')?.status).toBe('True');
  });
});
