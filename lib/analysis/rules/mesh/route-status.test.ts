import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkRouteStatus } from './route-status';

const cond = (type: string, status: string, reason: string, message = '') => `{type: ${type}, status: "${status}", reason: ${reason}, message: "${message}"}`;
const route = (section: string, accepted: string, resolved: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: storefront, namespace: shop}
spec: {parentRefs: [{name: public, namespace: istio-ingress, sectionName: ${section}}], rules: [{backendRefs: [{name: storefront, port: 8080}]}]}
status:
  parents:
  - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: public, namespace: istio-ingress, sectionName: ${section}}
    controllerName: istio.io/gateway-controller
    conditions: [${accepted}, ${resolved}]
`;
const good = route('http', cond('Accepted', 'True', 'Accepted', 'Route was valid'), cond('ResolvedRefs', 'True', 'ResolvedRefs', 'All references resolved'));
const noParent = route('https', cond('Accepted', 'False', 'NoMatchingParent', 'no matching listener'), cond('ResolvedRefs', 'True', 'ResolvedRefs'));

describe('checkRouteStatus (MG0021)', () => {
  it('fires when one cluster accepts the route and another does not, saying which says what', () => {
    const fs = checkRouteStatus(ctxOf([clusterOf('east', good), clusterOf('west', noParent)]));
    expect(fs.map((f) => [f.code, f.level, f.clusters])).toEqual([['MG0021', 'Warning', ['east', 'west']]]);
    expect(fs[0]!.objects).toEqual([{ cluster: 'west', kind: 'HTTPRoute', namespace: 'shop', name: 'storefront' }]);
    expect(fs[0]!.message).toBe('HTTPRoute shop/storefront is Accepted with ResolvedRefs in east but not in west; west: Gateway istio-ingress/public:https Accepted False (NoMatchingParent: no matching listener).');
  });

  it('is quiet when the clusters agree (both fine, or both failing: IST0171 reports those) and when a status is missing', () => {
    expect(checkRouteStatus(ctxOf([clusterOf('east', good), clusterOf('west', good)]))).toEqual([]);
    expect(checkRouteStatus(ctxOf([clusterOf('east', noParent), clusterOf('west', noParent)]))).toEqual([]);
    expect(checkRouteStatus(ctxOf([clusterOf('east', good), clusterOf('west', good.replace(/status:[\s\S]*/, ''))]))).toEqual([]);
  });
});
