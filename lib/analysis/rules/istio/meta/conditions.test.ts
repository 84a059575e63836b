import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkNegativeConditionsIn } from './conditions';

const run = (yaml: string) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkNegativeConditionsIn(ctxOf([c]), c));
};
const route = (status: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec: {parentRefs: [{name: gw}]}
status: {parents: [{parentRef: {name: gw}, conditions: [{type: Accepted, status: "${status}", reason: NotAllowedByListeners, message: no listener}]}]}
`;

describe('checkNegativeConditionsIn', () => {
  it('fires IST0171 for a negative condition on a route, a Service and an AuthorizationPolicy', () => {
    expect(run(route('False'))).toEqual(['IST0171 A condition with a negative status is present: type=Accepted, reason=NotAllowedByListeners, message=no listener.']);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: {}\nstatus: {conditions: [{type: istio.io/WaypointBound, status: "False", reason: NoWaypoint, message: gone}]}\n';
    expect(run(svc)).toEqual(['IST0171 A condition with a negative status is present: type=istio.io/WaypointBound, reason=NoWaypoint, message=gone.']);
    const ap = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: shop}\nspec: {}\nstatus: {conditions: [{type: WaypointAccepted, status: "True", reason: PartiallyInvalid, message: half}]}\n';
    expect(run(ap)).toEqual(['IST0171 A condition with a negative status is present: type=WaypointAccepted, reason=PartiallyInvalid, message=half.']);
  });

  it('is quiet for positive conditions, foreign condition types and kinds Istio does not check', () => {
    expect(run(route('True'))).toEqual([]);
    expect(run('apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: {}\nstatus: {conditions: [{type: argocd.argoproj.io/Synced, status: "False"}]}\n')).toEqual([]);
    expect(run('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: shop}\nspec: {}\nstatus: {conditions: [{type: Accepted, status: "False"}]}\n')).toEqual([]);
  });
});
