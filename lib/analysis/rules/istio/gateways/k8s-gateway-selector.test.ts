import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkKubernetesGatewaySelectors } from './k8s-gateway-selector';

const pod = `apiVersion: v1
kind: Pod
metadata: {name: web-istio-1, namespace: shop, labels: {gateway.networking.k8s.io/gateway-name: web, app: web-istio}}
`;
const policy = (kind: string, apiVersion: string, spec: string, ns = 'shop') => `---
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: p, namespace: ${ns}}
spec: ${spec}
`;
const run = (yaml: string, over = {}) => messages(checkKubernetesGatewaySelectors(ctxOf([clusterOf('c', yaml, over, {})])));
const selector = '{selector: {matchLabels: {app: web-istio}}}';

describe('checkKubernetesGatewaySelectors', () => {
  it('fires IST0166 for each policy kind selecting a Kubernetes Gateway\'s pods', () => {
    const yaml = pod
      + policy('AuthorizationPolicy', 'security.istio.io/v1', selector)
      + policy('RequestAuthentication', 'security.istio.io/v1', selector)
      + policy('Telemetry', 'telemetry.istio.io/v1', selector)
      + policy('WasmPlugin', 'extensions.istio.io/v1alpha1', '{selector: {matchLabels: {app: web-istio}}, url: oci://x}');
    expect(run(yaml)).toEqual(Array(4).fill('IST0166 Ineffective selector on Kubernetes Gateway web. Use the TargetRef field instead.'));
  });

  it('is quiet with a targetRef, another namespace, a selector that misses, or pods without the label kept', () => {
    const targeted = '{selector: {matchLabels: {app: web-istio}}, targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: web}}';
    expect(run(pod + policy('AuthorizationPolicy', 'security.istio.io/v1', targeted))).toEqual([]);
    expect(run(pod + policy('AuthorizationPolicy', 'security.istio.io/v1', selector, 'other'))).toEqual([]);
    expect(run(pod + policy('AuthorizationPolicy', 'security.istio.io/v1', '{selector: {matchLabels: {app: api}}}'))).toEqual([]);
    expect(run(pod + policy('AuthorizationPolicy', 'security.istio.io/v1', selector), { podLabelKeys: new Set(['app']) })).toEqual([]);
  });
});
