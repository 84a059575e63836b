import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/types';
import { GATEWAY_API, storeView } from './cluster-view';
import { carryTransitions, condition } from './conditions';
import { gatewayStatus, humanJoin } from './gateway-status';
import { routeStatus } from './route-status';
import { deployment, gatewayPod, ingressParent, route, shopStore, svc, cond, parentCond } from './test-support';
import { serviceStatus, WAYPOINT_BOUND } from './waypoint-bound';

const NOW = '2026-01-01T00:00:00Z';
const LATER = '2026-01-01T01:00:00Z';

const gw = (store: ReturnType<typeof shopStore>, ns: string, name: string) => store.get(GATEWAY_API, 'Gateway', ns, name) as KubeObject;
const gwStatus = (store: ReturnType<typeof shopStore>, ns: string, name: string, attached = () => 0) => gatewayStatus(gw(store, ns, name), storeView(store), attached, NOW);

describe('Gateway status', () => {
  it('a waypoint with a ready pod is Accepted and Programmed and reports its cluster IP and hostname', () => {
    const st = gwStatus(shopStore(), 'shop', 'waypoint');
    expect(cond(st, 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', message: 'Resource accepted', observedGeneration: 1 });
    expect(cond(st, 'Programmed')).toMatchObject({ status: 'True', reason: 'Programmed', message: 'Resource programmed, assigned to service(s) waypoint.shop.svc.cluster.local:15008' });
    expect(st?.addresses).toEqual([{ type: 'IPAddress', value: '10.96.0.8' }, { type: 'Hostname', value: 'waypoint.shop.svc.cluster.local' }]);
    expect(st?.listeners).toEqual([expect.objectContaining({ name: 'mesh', attachedRoutes: 0, supportedKinds: [] })]);
  });

  it('a waypoint whose pods are not ready is Programmed False and keeps the address it reported', () => {
    const store = shopStore();
    const ready = gwStatus(store, 'shop', 'waypoint');
    store.apply({ ...gw(store, 'shop', 'waypoint'), status: ready });
    store.apply(gatewayPod('shop', 'waypoint-abc', 'waypoint', false));
    const st = gwStatus(store, 'shop', 'waypoint');
    expect(cond(st, 'Programmed')).toMatchObject({ status: 'False', reason: 'AddressNotAssigned', message: 'Failed to assign to any requested addresses: no instances found for hostname "waypoint.shop.svc.cluster.local"' });
    expect(st?.addresses).toEqual(ready?.addresses);
    expect(cond(st, 'Accepted')?.status).toBe('True');
  });

  it('a waypoint without its Deployment is not Programmed; without its Service the address is unusable', () => {
    const store = shopStore();
    store.delete('apps/v1', 'Deployment', 'shop', 'waypoint');
    expect(cond(gwStatus(store, 'shop', 'waypoint'), 'Programmed')?.reason).toBe('AddressNotAssigned');
    store.apply(deployment('shop', 'waypoint'));
    store.delete('v1', 'Service', 'shop', 'waypoint');
    expect(cond(gwStatus(store, 'shop', 'waypoint'), 'Programmed')).toMatchObject({ status: 'False', reason: 'AddressNotUsable', message: 'Failed to assign to any requested addresses: hostname "waypoint.shop.svc.cluster.local" not found' });
    expect(gwStatus(store, 'shop', 'waypoint')?.addresses).toBeUndefined();
  });

  it('an ingress Gateway reports its load-balancer address and counts attached routes per listener', () => {
    const st = gwStatus(shopStore(), 'istio-ingress', 'public', () => 2);
    expect(cond(st, 'Programmed')?.message).toBe('Resource programmed, assigned to service(s) public-istio.istio-ingress.svc.cluster.local:80');
    expect(st?.addresses).toEqual([{ type: 'IPAddress', value: '203.0.113.10' }]);
    expect(st?.listeners).toEqual([expect.objectContaining({ name: 'http', attachedRoutes: 2, supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }, { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }] })]);
  });

  it('a LoadBalancer Service still pending an address leaves the Gateway not Programmed', () => {
    const store = shopStore();
    store.apply(svc('istio-ingress', 'public-istio', {}, { spec: { type: 'LoadBalancer', clusterIP: '10.96.0.9' }, status: { loadBalancer: {} } }));
    expect(cond(gwStatus(store, 'istio-ingress', 'public'), 'Programmed')).toMatchObject({ status: 'False', reason: 'AddressNotAssigned', message: expect.stringContaining('address pending for hostname "public-istio.istio-ingress.svc.cluster.local"') });
  });

  it('Gateways of other classes are left alone', () => {
    const store = shopStore();
    store.apply({ apiVersion: GATEWAY_API, kind: 'Gateway', metadata: { name: 'other', namespace: 'shop' }, spec: { gatewayClassName: 'envoy', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } });
    expect(gwStatus(store, 'shop', 'other')).toBeUndefined();
  });

  it('joins service names as Istio does', () => {
    expect(humanJoin(['a'])).toBe('a');
    expect(humanJoin(['a', 'b'])).toBe('a and b');
    expect(humanJoin(['a', 'b', 'c'])).toBe('a, b, and c');
  });
});

const routeOf = (store: ReturnType<typeof shopStore>, ns: string, name: string, kind = 'HTTPRoute') => store.get(GATEWAY_API, kind, ns, name) as KubeObject;

describe('route status', () => {
  it('routes of the demo are Accepted with resolved refs, one parent entry per parentRef', () => {
    const store = shopStore();
    const storefront = routeStatus(routeOf(store, 'shop', 'storefront'), storeView(store), NOW);
    expect(storefront.status.parents).toHaveLength(1);
    expect(storefront.status.parents[0]).toMatchObject({ parentRef: ingressParent(), controllerName: 'istio.io/gateway-controller' });
    expect(parentCond(storefront.status, 'public', 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', message: 'Route was valid', observedGeneration: 1, lastTransitionTime: NOW });
    expect(parentCond(storefront.status, 'public', 'ResolvedRefs')).toMatchObject({ status: 'True', reason: 'ResolvedRefs', message: 'All references resolved' });
    expect(storefront.attached).toEqual(['istio-ingress/public/http']);
    const cart = routeStatus(routeOf(store, 'shop', 'cart'), storeView(store), NOW);
    expect(parentCond(cart.status, 'cart', 'Accepted')?.status).toBe('True');
    expect(cart.attached).toEqual([]);
    expect(parentCond(routeStatus(routeOf(store, 'istio-ingress', 'bookinfo'), storeView(store), NOW).status, 'public', 'ResolvedRefs')?.status).toBe('True');
  });

  it('a sectionName no listener has is NoMatchingParent', () => {
    const store = shopStore();
    store.apply(route('HTTPRoute', 'shop', 'storefront', [ingressParent('https')], [{ name: 'storefront', port: 8080 }]));
    const r = routeStatus(routeOf(store, 'shop', 'storefront'), storeView(store), NOW);
    expect(parentCond(r.status, 'public', 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', message: 'sectionName "https" not found', observedGeneration: 2 });
    expect(parentCond(r.status, 'public', 'ResolvedRefs')?.status).toBe('True');
    expect(r.attached).toEqual([]);
  });

  it('a missing parent Gateway or Service, or a port no listener has, is NoMatchingParent', () => {
    const store = shopStore();
    store.apply(route('HTTPRoute', 'shop', 'a', [{ name: 'nope', namespace: 'istio-ingress' }], []));
    store.apply(route('GRPCRoute', 'shop', 'b', [{ group: '', kind: 'Service', name: 'pricing', port: 9090 }], []));
    store.apply(route('HTTPRoute', 'shop', 'c', [{ name: 'public', namespace: 'istio-ingress', port: 443 }], []));
    const view = storeView(store);
    expect(parentCond(routeStatus(routeOf(store, 'shop', 'a'), view, NOW).status, 'nope', 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', message: 'parent gateway: "istio-ingress/nope" not found' });
    expect(parentCond(routeStatus(routeOf(store, 'shop', 'b', 'GRPCRoute'), view, NOW).status, 'pricing', 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', message: 'parent service: "pricing" not found' });
    expect(parentCond(routeStatus(routeOf(store, 'shop', 'c'), view, NOW).status, 'public', 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingParent', message: 'port 443 not found' });
  });

  it('a listener allowing only its own namespace refuses routes from others (NotAllowedByListeners)', () => {
    const store = shopStore();
    const pub = routeOf(store, 'istio-ingress', 'public', 'Gateway');
    store.apply({ ...pub, spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } });
    const view = storeView(store);
    expect(parentCond(routeStatus(routeOf(store, 'shop', 'storefront'), view, NOW).status, 'public', 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners', message: 'hostnames matched parent hostname "*", but namespace "shop" is not allowed by the parent' });
    expect(parentCond(routeStatus(routeOf(store, 'istio-ingress', 'bookinfo'), view, NOW).status, 'public', 'Accepted')?.status).toBe('True');
  });

  it('a cross-namespace backend without a ReferenceGrant is RefNotPermitted; a missing Service BackendNotFound', () => {
    const store = shopStore();
    store.delete('gateway.networking.k8s.io/v1beta1', 'ReferenceGrant', 'bookinfo', 'allow-ingress-routes');
    const view = storeView(store);
    const r = routeStatus(routeOf(store, 'istio-ingress', 'bookinfo'), view, NOW);
    expect(parentCond(r.status, 'public', 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'RefNotPermitted', message: 'backendRef productpage/bookinfo not accessible to a HTTPRoute in namespace "istio-ingress" (missing a ReferenceGrant?)' });
    // Unresolved refs do not unbind the route from its parent.
    expect(parentCond(r.status, 'public', 'Accepted')?.status).toBe('True');
    store.apply(route('HTTPRoute', 'shop', 'cart', [{ group: '', kind: 'Service', name: 'cart', port: 8080 }], [{ name: 'cart-v3', port: 8080 }]));
    expect(parentCond(routeStatus(routeOf(store, 'shop', 'cart'), storeView(store), NOW).status, 'cart', 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound', message: 'backend(cart-v3.shop.svc.cluster.local) not found' });
  });

  it('a ReferenceGrant for another route kind or namespace does not count', () => {
    const store = shopStore();
    store.apply({ apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'allow-ingress-routes', namespace: 'bookinfo' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'istio-ingress' }, { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service' }] } });
    expect(parentCond(routeStatus(routeOf(store, 'istio-ingress', 'bookinfo'), storeView(store), NOW).status, 'public', 'ResolvedRefs')?.reason).toBe('RefNotPermitted');
  });

  it("keeps other controllers' parent entries", () => {
    const store = shopStore();
    const other = { parentRef: { name: 'x' }, controllerName: 'example.com/other', conditions: [condition('Accepted', true, 'Accepted', 'ok', 1, NOW)] };
    const r = routeOf(store, 'shop', 'storefront');
    const st = routeStatus({ ...r, status: { parents: [other] } }, storeView(store), NOW).status;
    expect(st.parents.map((p) => p.controllerName)).toEqual(['example.com/other', 'istio.io/gateway-controller']);
  });
});

describe('Service WaypointBound', () => {
  const svcOf = (store: ReturnType<typeof shopStore>, ns: string, name: string) => store.get('v1', 'Service', ns, name) as KubeObject;

  it('a Service of a namespace using a programmed waypoint is bound (WaypointAccepted)', () => {
    const store = shopStore();
    const st = serviceStatus(svcOf(store, 'shop', 'cart'), storeView(store), NOW);
    expect(cond(st, WAYPOINT_BOUND)).toMatchObject({ status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint' });
    expect(st.loadBalancer).toEqual({});
  });

  it('is WaypointIsNotReady when the waypoint has no ready pod or no Gateway', () => {
    const store = shopStore();
    store.apply(gatewayPod('shop', 'waypoint-abc', 'waypoint', false));
    const expected = { status: 'False', reason: 'WaypointIsNotReady', message: 'waypoint "shop/waypoint" is not ready' };
    expect(cond(serviceStatus(svcOf(store, 'shop', 'cart'), storeView(store), NOW), WAYPOINT_BOUND)).toMatchObject(expected);
    store.apply(gatewayPod('shop', 'waypoint-abc', 'waypoint', true));
    store.delete(GATEWAY_API, 'Gateway', 'shop', 'waypoint');
    expect(cond(serviceStatus(svcOf(store, 'shop', 'cart'), storeView(store), NOW), WAYPOINT_BOUND)).toMatchObject(expected);
  });

  it('opted-out Services, the waypoint\'s own Service and Services of other namespaces get none; an unbound Service loses it', () => {
    const store = shopStore();
    const view = storeView(store);
    expect(cond(serviceStatus(svcOf(store, 'shop', 'inventory-db'), view, NOW), WAYPOINT_BOUND)).toBeUndefined();
    expect(cond(serviceStatus(svcOf(store, 'shop', 'waypoint'), view, NOW), WAYPOINT_BOUND)).toBeUndefined();
    expect(cond(serviceStatus(svcOf(store, 'bookinfo', 'productpage'), view, NOW), WAYPOINT_BOUND)).toBeUndefined();
    const bound = svcOf(store, 'shop', 'cart');
    const withCond = { ...bound, metadata: { ...bound.metadata, labels: { 'istio.io/use-waypoint': 'none' } }, status: serviceStatus(bound, view, NOW) };
    expect(serviceStatus(withCond, view, NOW)).toEqual({ loadBalancer: {} });
  });

  it('a Service label names a waypoint of another namespace', () => {
    const store = shopStore();
    const s = svc('bookinfo', 'reviews', { 'istio.io/use-waypoint': 'waypoint', 'istio.io/use-waypoint-namespace': 'shop' });
    expect(cond(serviceStatus(s, storeView(store), NOW), WAYPOINT_BOUND)?.message).toBe('Successfully attached to waypoint shop/waypoint');
  });
});

describe('transition times', () => {
  it('keep the earlier time while the status stays, and move when it flips', () => {
    const before = [condition('Programmed', true, 'Programmed', 'old words', 1, NOW)];
    expect(carryTransitions(before, [condition('Programmed', true, 'Programmed', 'new words', 2, LATER)])[0]).toMatchObject({ lastTransitionTime: NOW, message: 'new words', observedGeneration: 2 });
    expect(carryTransitions(before, [condition('Programmed', false, 'AddressNotAssigned', 'x', 1, LATER)])[0]?.lastTransitionTime).toBe(LATER);
    expect(carryTransitions(undefined, [condition('Accepted', true, 'Accepted', 'x', 1, LATER)])[0]?.lastTransitionTime).toBe(LATER);
  });
});
