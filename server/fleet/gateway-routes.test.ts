import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { ambientModel, applyObjects, deleteObject, fixtureObject } from './testing/ambient-model';
import { getService } from './services';
import { ALL, type VisibilityScope } from './scope';

const scoped = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });
const routesOf = (m: ReturnType<typeof ambientModel>, ns: string, name: string, scope: VisibilityScope = ALL) => getService(m, scope, ns, name)!.data.routes;

describe('routes of a service', () => {
  it("finds a GAMMA route by its Service parent, with Istio's parent status and the weighted backends", () => {
    expect(routesOf(ambientModel(), 'shop', 'cart')).toEqual([
      {
        kind: 'HTTPRoute', namespace: 'shop', name: 'cart',
        clusters: [{ cluster: 'east', parents: [{ parent: 'Service shop/cart:8080', accepted: { status: 'True', reason: 'Accepted' }, resolvedRefs: { status: 'True', reason: 'ResolvedRefs' } }] }],
        backends: [{ service: 'shop/cart-v1', weight: 90 }, { service: 'shop/cart-v2', weight: 10 }],
      },
    ]);
    // A backend sees the route that sends to it.
    expect(routesOf(ambientModel(), 'shop', 'cart-v2').map((r) => r.name)).toEqual(['cart']);
  });

  it('finds a cross-namespace ingress route by its backend, and VirtualServices beside it', () => {
    const routes = routesOf(ambientModel(), 'bookinfo', 'productpage');
    expect(routes.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual(['HTTPRoute istio-ingress/bookinfo', 'VirtualService bookinfo/productpage']);
    expect(routes[0]!.clusters[0]!.parents).toEqual([
      {
        parent: 'Gateway istio-ingress/public:http',
        accepted: { status: 'True', reason: 'Accepted' },
        resolvedRefs: { status: 'False', reason: 'RefNotPermitted', message: 'backendRef productpage/bookinfo not accessible to a HTTPRoute in namespace "istio-ingress" (missing a ReferenceGrant?)' },
      },
    ]);
    expect(routes[0]!.backends).toEqual([{ service: 'bookinfo/productpage' }]);
    expect(routes[1]).toEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'productpage', clusters: [{ cluster: 'east', parents: [] }], backends: [{ service: 'bookinfo/productpage', weight: 100 }] });
  });

  it('gives a route without status its parents without conditions', () => {
    expect(routesOf(ambientModel(), 'shop', 'pricing')).toEqual([
      { kind: 'GRPCRoute', namespace: 'shop', name: 'pricing', clusters: [{ cluster: 'east', parents: [{ parent: 'Service shop/pricing' }] }], backends: [{ service: 'shop/pricing' }] },
    ]);
  });

  it('shows each cluster of the mesh with its own parent status, and follows edits', () => {
    const m = ambientModel(['east', 'west']);
    const route = fixtureObject('HTTPRoute', 'istio-ingress', 'bookinfo');
    route.metadata.resourceVersion = '2';
    const parent = (route.status as { parents: Array<{ conditions: Array<{ type: string; status: string; reason: string; message?: string }> }> }).parents[0]!;
    parent.conditions[1] = { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs' };
    const touched: string[] = [];
    m.feed.subscribeUncollapsed((c) => touched.push(...c.keys));
    applyObjects(m, 'west', [route]);
    m.feed.flush();
    expect(touched).toContain('services/bookinfo/productpage');
    const [r] = routesOf(m, 'bookinfo', 'productpage');
    expect(r!.clusters.map((c) => `${c.cluster}:${c.parents[0]!.resolvedRefs?.status}`)).toEqual(['east:False', 'west:True']);
    deleteObject(m, 'east', route);
    expect(routesOf(m, 'bookinfo', 'productpage')[0]!.clusters.map((c) => c.cluster)).toEqual(['west']);
  });

  it('leaves out routes in namespaces the caller may not see', () => {
    const m = ambientModel();
    expect(routesOf(m, 'bookinfo', 'productpage', scoped('east/bookinfo')).map((r) => r.kind)).toEqual(['VirtualService']);
    expect(routesOf(m, 'bookinfo', 'productpage', scoped('east/bookinfo', 'east/istio-ingress')).map((r) => r.kind)).toEqual(['HTTPRoute', 'VirtualService']);
  });
});
