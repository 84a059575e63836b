import { describe, expect, it } from 'vitest';
import type { ServiceRoute } from '../fleet/routes';
import { routeRows } from './route-view';

const ok = { status: 'True' as const };
const gw = (cluster: string, parent = 'Gateway istio-ingress/public:http', over: Partial<ServiceRoute['clusters'][number]['parents'][number]> = {}) => ({ cluster, parents: [{ parent, accepted: ok, resolvedRefs: ok, ...over }] });

const storefront: ServiceRoute = { kind: 'HTTPRoute', namespace: 'shop', name: 'storefront', clusters: [gw('us-east-1'), gw('us-west-2')], backends: [{ service: 'shop/storefront' }] };
const cart: ServiceRoute = {
  kind: 'HTTPRoute', namespace: 'shop', name: 'cart',
  clusters: [gw('us-east-1', 'Service shop/cart:8080'), gw('us-west-2', 'Service shop/cart:8080')],
  backends: [{ service: 'shop/cart-v1', weight: 90 }, { service: 'shop/cart-v2', weight: 10 }],
};
const vs: ServiceRoute = { kind: 'VirtualService', namespace: 'shop', name: 'cart-vs', clusters: [{ cluster: 'us-east-1', parents: [] }], backends: [{ service: 'cart.shop.svc.cluster.local' }] };
const grpc: ServiceRoute = { kind: 'GRPCRoute', namespace: 'shop', name: 'pricing', clusters: [gw('us-east-1', 'Service shop/pricing')], backends: [{ service: 'shop/pricing' }] };

describe('routeRows', () => {
  it('orders HTTPRoutes, GRPCRoutes, then VirtualServices, with test ids and config links', () => {
    const rows = routeRows([vs, grpc, storefront, cart], ['us-east-1', 'us-west-2']);
    expect(rows.map((r) => r.testId)).toEqual(['route-HTTPRoute-shop-cart', 'route-HTTPRoute-shop-storefront', 'route-GRPCRoute-shop-pricing', 'route-VirtualService-shop-cart-vs']);
    expect(rows[0]!.href).toBe('/config?object=gateway.networking.k8s.io%2FHTTPRoute%2Fshop%2Fcart');
    expect(rows[3]!.href).toBe('/config?object=networking.istio.io%2FVirtualService%2Fshop%2Fcart-vs');
  });

  it('gives each backend its share of the weights', () => {
    const [row] = routeRows([cart], ['us-east-1', 'us-west-2']);
    expect(row!.backends).toEqual([{ service: 'shop/cart-v1', weight: 90, percent: 90 }, { service: 'shop/cart-v2', weight: 10, percent: 10 }]);
    expect(routeRows([storefront], ['us-east-1'])[0]!.backends).toEqual([{ service: 'shop/storefront' }]);
  });

  it('agrees when every cluster accepted it, and marks a cluster that has no such route without calling it a disagreement', () => {
    const [row] = routeRows([grpc], ['us-east-1', 'us-west-2']);
    expect(row!.cells.map((c) => [c.cluster, c.present, c.accepted, c.resolved])).toEqual([['us-east-1', true, 'True', 'True'], ['us-west-2', false, undefined, undefined]]);
    expect(row!.differs).toBeUndefined();
  });

  it('stands out when accepted in one cluster and not another, naming the parent and reason', () => {
    const moved: ServiceRoute = { ...storefront, clusters: [gw('us-east-1'), gw('us-west-2', 'Gateway istio-ingress/public:https', { accepted: { status: 'False', reason: 'NoMatchingParent', message: 'no listener https' } })] };
    const [row] = routeRows([moved], ['us-east-1', 'us-west-2']);
    expect(row!.differs).toBe('Accepted True in us-east-1, False in us-west-2');
    const west = row!.cells[1]!;
    expect(west.accepted).toBe('False');
    expect(west.resolved).toBe('True');
    expect(west.problems).toEqual([{ parent: 'Gateway istio-ingress/public:https', type: 'Accepted', status: 'False', reason: 'NoMatchingParent', message: 'no listener https' }]);
    expect(row!.parents).toEqual([{ parent: 'Gateway istio-ingress/public:http', only: ['us-east-1'] }, { parent: 'Gateway istio-ingress/public:https', only: ['us-west-2'] }]);
  });

  it('takes the worst condition over several parents', () => {
    const two: ServiceRoute = { ...storefront, clusters: [{ cluster: 'c', parents: [{ parent: 'a', resolvedRefs: ok }, { parent: 'b', resolvedRefs: { status: 'False', reason: 'RefNotPermitted' } }, { parent: 'c', resolvedRefs: { status: 'Unknown' } }] }] };
    const cell = routeRows([two], ['c'])[0]!.cells[0]!;
    expect(cell.resolved).toBe('False');
    expect(cell.accepted).toBeUndefined();
    expect(cell.problems.map((p) => `${p.parent} ${p.status}`)).toEqual(['b False', 'c Unknown']);
  });

  it('says nothing of status for a VirtualService', () => {
    const [row] = routeRows([vs], ['us-east-1']);
    expect(row!.cells[0]).toEqual({ cluster: 'us-east-1', present: true, problems: [] });
    expect(row!.parents).toEqual([]);
  });
});
