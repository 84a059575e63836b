import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkSidecarSelectorsIn } from './sidecar-selector';

const pod = (name: string, app: string, annotations = '{}') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${app}}, annotations: ${annotations}}
`;
const sidecar = (name: string, app?: string) => `---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: ${name}, namespace: shop}
spec: {${app ? `workloadSelector: {labels: {app: ${app}}}, ` : ''}egress: [{hosts: ["./*"]}]}
`;
const ns = (labels: string) => `---
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: ${labels}}
`;
const run = (yaml: string) => {
  const c = clusterOf('c', yaml);
  return messages(checkSidecarSelectorsIn(ctxOf([c]), c));
};

describe('checkSidecarSelectorsIn', () => {
  it('fires IST0101 for a workload selector matching no pod', () => {
    expect(run(pod('web-1', 'web') + sidecar('s', 'api'))).toEqual(['IST0101 Referenced selector not found: "app=api"']);
  });

  it('fires IST0110 for Sidecars selecting the same pod, IST0111 for several without selector', () => {
    expect(run(pod('web-1', 'web') + sidecar('s1', 'web') + sidecar('s2', 'web'))).toEqual([
      'IST0110 The Sidecars [s1 s2] in namespace "shop" select the same workload pod "web-1", which can lead to undefined behavior.',
      'IST0110 The Sidecars [s1 s2] in namespace "shop" select the same workload pod "web-1", which can lead to undefined behavior.',
    ]);
    expect(run(sidecar('s1') + sidecar('s2'))).toEqual([
      'IST0111 The Sidecars [s1 s2] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
      'IST0111 The Sidecars [s1 s2] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
    ]);
  });

  it('fires IST0167 for Sidecars of an ambient pod or namespace', () => {
    expect(run(pod('web-1', 'web', '{ambient.istio.io/redirection: enabled}') + sidecar('s', 'web'))).toEqual([
      'IST0167 The policy has no impact: selected workload is in ambient mode, the policy has no impact.',
    ]);
    expect(run(ns('{istio.io/dataplane-mode: ambient}') + sidecar('s'))).toEqual([
      'IST0167 The policy has no impact: namespace is in ambient mode, the policy has no impact.',
    ]);
  });

  it('is quiet for one Sidecar per pod and namespace, and for an ambient label overridden by injection', () => {
    expect(run(pod('web-1', 'web') + sidecar('s1', 'web') + sidecar('s2'))).toEqual([]);
    expect(run(ns('{istio.io/dataplane-mode: ambient, istio-injection: enabled}') + sidecar('s'))).toEqual([]);
  });

  it('counts a proxy-less pod of an ambient namespace as ambient where pod annotations are not kept', () => {
    const c = clusterOf('c', ns('{istio.io/dataplane-mode: ambient}') + pod('web-1', 'web') + sidecar('s', 'web'), { podLabelKeys: new Set(['app']) });
    expect(messages(checkSidecarSelectorsIn(ctxOf([c]), c))).toEqual(['IST0167 The policy has no impact: selected workload is in ambient mode, the policy has no impact.']);
  });
});
