import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkK8sAnnotationsIn } from './k8s-annotations';

const pod = (annotations: string, labels = '{}') => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: ${labels}, annotations: {${annotations}}}
spec: {containers: [{name: app}]}
`;
const run = (yaml: string) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkK8sAnnotationsIn(ctxOf([c]), c));
};

describe('checkK8sAnnotationsIn', () => {
  it('fires IST0108 for a misspelt Istio annotation', () => {
    expect(run(pod('sidecar.istio.io/injekt: "true"'))).toEqual(['IST0108 Unknown annotation: sidecar.istio.io/injekt']);
  });

  it('fires IST0107 for an annotation on a kind it does not apply to', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, annotations: {sidecar.istio.io/proxyCPU: 100m}}\n';
    expect(run(ns)).toEqual(['IST0107 Misplaced annotation: sidecar.istio.io/proxyCPU can only be applied to Pod']);
  });

  it('fires IST0125 for a value the injector rejects', () => {
    expect(run(pod('traffic.sidecar.istio.io/excludeOutboundPorts: "80,http"'))).toEqual([
      'IST0125 Invalid annotation traffic.sidecar.istio.io/excludeOutboundPorts: excludeOutboundPorts invalid: failed parsing port \'http\': failed parsing port \'http\': strconv.ParseUint: parsing "http": invalid syntax',
    ]);
    expect(run(pod('sidecar.istio.io/interceptionMode: MAGIC'))).toEqual(['IST0125 Invalid annotation sidecar.istio.io/interceptionMode: interceptionMode invalid, use REDIRECT,TPROXY,NONE: MAGIC']);
  });

  it('fires IST0135 for a deprecated annotation, with the replacement where Istio names one', () => {
    expect(run(pod('sidecar.istio.io/inject: "false"'))).toEqual(['IST0135 Annotation "sidecar.istio.io/inject" has been deprecated in favor of the "sidecar.istio.io/inject" label and may not work in future Istio versions.']);
  });

  it('is quiet for valid, foreign and Istio-written annotations, and for the old inject annotation beside its label', () => {
    expect(run(pod('sidecar.istio.io/proxyCPU: 100m, traffic.sidecar.istio.io/includeOutboundIPRanges: "10.0.0.0/8,fd00::/8", example.com/owner: me, istio.io/rev: canary'))).toEqual([]);
    expect(run(pod('sidecar.istio.io/inject: "false"', '{sidecar.istio.io/inject: "false"}'))).toEqual([]);
  });

  it('judges Deployments by their own metadata, not the pod template', () => {
    const d = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {template: {metadata: {annotations: {sidecar.istio.io/proxyCPU: 100m}}}}\n';
    expect(run(d)).toEqual([]);
  });
});
