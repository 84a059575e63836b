import { clusterNamed, GATEWAY_API, removeUntilRevert, SHOP } from './ambient-helpers';
import type { Scenario } from './types';

export const routeNotAccepted: Scenario = {
  name: 'route-not-accepted',
  summary: 'In us-west-2 a ReferenceGrant is gone and an HTTPRoute names a listener that does not exist.',
  doc: 'In us-west-2 only: the ReferenceGrant bookinfo/allow-ingress-routes is deleted, so HTTPRoute istio-ingress/bookinfo gets ResolvedRefs False (RefNotPermitted: backendRef productpage/bookinfo not accessible to a HTTPRoute in namespace "istio-ingress" (missing a ReferenceGrant?)), and HTTPRoute shop/storefront is changed to parentRef sectionName https, a listener Gateway istio-ingress/public does not have: Accepted False (NoMatchingParent: sectionName "https" not found); the Gateway\'s http listener counts no attached routes. us-east-1 keeps both routes accepted, so the same routes differ across clusters (RouteStatusInconsistent, MG0021; IST0171 reports the False conditions). Traffic is modelled unchanged. On fleets without us-west-2 or those objects this scenario changes nothing.',
  apply(fleet) {
    const c = clusterNamed(fleet, 'us-west-2');
    if (!c) return;
    const grant = c.store.get('gateway.networking.k8s.io/v1beta1', 'ReferenceGrant', 'bookinfo', 'allow-ingress-routes');
    if (grant) removeUntilRevert(fleet, c, [grant]);
    const route = c.store.get(GATEWAY_API, 'HTTPRoute', SHOP, 'storefront');
    if (route) {
      const copy = structuredClone(route);
      const spec = copy.spec as { parentRefs?: Array<{ sectionName?: string }> };
      spec.parentRefs = (spec.parentRefs ?? []).map((p) => ({ ...p, sectionName: 'https' }));
      fleet.replace(c.name, copy);
    }
  },
  revert: () => undefined,
};
