import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkApplicationUidIn } from './application-uid';

const FILES = { defaultResources: false };
const pod = (name: string, spec: string, labels = '{}') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: ${labels}}
spec: ${spec}
---
`;
const deployment = (name: string, spec: string, labels = '{}') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop, labels: ${labels}}
spec: {template: {metadata: {labels: {app: x}}, spec: ${spec}}}
---
`;
const run = (c: ClusterView) => messages(checkApplicationUidIn(ctxOf([c]), c));
const UID = 'IST0144 User ID (UID) 1337 is reserved for the sidecar proxy.';

describe('deployment.ApplicationUIDAnalyzer', () => {
  it('fires IST0144 once per Pod or Deployment running as UID 1337, pod-wide or in a container', () => {
    const c = clusterOf('c', pod('p', '{securityContext: {runAsUser: 1337}, containers: [{name: app, securityContext: {runAsUser: 1337}}]}')
      + deployment('d', '{containers: [{name: app, securityContext: {runAsUser: 1337}}]}'), {}, FILES);
    expect(checkApplicationUidIn(ctxOf([c]), c).map((f) => `${f.code} ${f.objects[0]!.kind}/${f.objects[0]!.name}`)).toEqual(['IST0144 Pod/p', 'IST0144 Deployment/d']);
    expect(run(c)).toEqual([UID, UID]);
  });

  it('is quiet for other UIDs, the proxy container and the control plane', () => {
    const c = clusterOf('c', pod('p', '{securityContext: {runAsUser: 1000}, containers: [{name: app}, {name: istio-proxy, securityContext: {runAsUser: 1337}}]}')
      + pod('gw', '{securityContext: {runAsUser: 1337}, containers: [{name: app}]}', '{istio: ingressgateway}')
      + deployment('istiod', '{securityContext: {runAsUser: 1337}, containers: [{name: discovery}]}', '{release: istio}'), {}, FILES);
    expect(run(c)).toEqual([]);
  });
});
