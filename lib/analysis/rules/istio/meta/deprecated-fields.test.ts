import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkDeprecatedFieldsIn } from './deprecated-fields';

const run = (yaml: string) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkDeprecatedFieldsIn(ctxOf([c]), c));
};
const vs = (delay: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: shop}
spec: {hosts: [r], http: [{fault: {delay: ${delay}}, route: [{destination: {host: r}}]}]}
`;

describe('checkDeprecatedFieldsIn', () => {
  it('fires IST0002 for fault.delay.percent, a Sidecar egressProxy and a removed CRD', () => {
    expect(run(vs('{percent: 10, fixedDelay: 1s}'))).toEqual(['IST0002 Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage']);
    const sc = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: shop}\nspec: {outboundTrafficPolicy: {mode: REGISTRY_ONLY, egressProxy: {host: egress}}}\n';
    expect(run(sc)).toEqual(['IST0002 Deprecated: OutboundTrafficPolicy.EgressProxy ignored']);
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: serviceroles.rbac.istio.io}\nspec: {group: rbac.istio.io, names: {kind: ServiceRole}}\n';
    expect(run(crd)).toEqual(['IST0002 Deprecated: Custom resource type rbac.istio.io ServiceRole is removed']);
  });

  it('is quiet for their replacements and current CRDs', () => {
    expect(run(vs('{percentage: {value: 10}, fixedDelay: 1s}'))).toEqual([]);
    expect(run('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: sidecars.networking.istio.io}\nspec: {group: networking.istio.io, names: {kind: Sidecar}}\n')).toEqual([]);
  });
});
