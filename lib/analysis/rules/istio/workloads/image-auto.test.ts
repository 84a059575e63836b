import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkImageAutoIn } from './image-auto';

const FILES = { defaultResources: false };
const WEBHOOK = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: istio-sidecar-injector}
webhooks:
- name: rev.namespace.sidecar-injector.istio.io
  namespaceSelector: {matchExpressions: [{key: istio.io/rev, operator: In, values: [default]}, {key: istio-injection, operator: DoesNotExist}]}
- name: namespace.sidecar-injector.istio.io
  namespaceSelector: {matchLabels: {istio-injection: enabled}}
  objectSelector: {matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}]}
---
`;
const ns = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${labels}}
---
`;
const gateway = (name: string, namespace: string, labels = '{app: gw}') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  template:
    metadata: {labels: ${labels}}
    spec: {containers: [{name: istio-proxy, image: auto}]}
---
`;
const run = (c: ClusterView) => messages(checkImageAutoIn(ctxOf([c]), c));

describe('injection.ImageAutoAnalyzer', () => {
  it('fires IST0146 for an image: auto Deployment no Istio webhook selects', () => {
    const c = clusterOf('c', WEBHOOK + ns('plain', '{}') + ns('web', '{istio-injection: enabled}') + gateway('gw', 'plain') + gateway('opted-out', 'web', '{app: gw, sidecar.istio.io/inject: "false"}'), {}, FILES);
    expect(run(c)).toEqual([
      'IST0146 Deployment gw contains `image: auto` but does not match any Istio injection webhook selectors.',
      'IST0146 Deployment opted-out contains `image: auto` but does not match any Istio injection webhook selectors.',
    ]);
  });

  it('is quiet for Deployments a webhook selects, by namespace label or revision', () => {
    const c = clusterOf('c', WEBHOOK + ns('web', '{istio-injection: enabled}') + ns('rev', '{istio.io/rev: default}') + gateway('a', 'web') + gateway('b', 'rev'), {}, FILES);
    expect(run(c)).toEqual([]);
  });

  it('fires IST0147 for a Pod still carrying image: auto, quiet for other pods', () => {
    const c = clusterOf('c', `${WEBHOOK}apiVersion: v1
kind: Pod
metadata: {name: stuck, namespace: web}
spec: {containers: [{name: istio-proxy, image: auto}]}
---
apiVersion: v1
kind: Pod
metadata: {name: fine, namespace: web}
spec: {containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.31.0}]}
`, {}, FILES);
    expect(run(c)).toEqual(['IST0147 Pod stuck contains `image: auto` but does not match any Istio injection webhook selectors.']);
  });

  it('does not judge Deployments when the source keeps no webhook configurations, or the cluster is still syncing', () => {
    expect(run(clusterOf('c', ns('plain', '{}') + gateway('gw', 'plain'), { resources: undefined }, FILES))).toEqual([]);
    expect(run(clusterOf('c', WEBHOOK + ns('plain', '{}') + gateway('gw', 'plain'), { complete: false }, FILES))).toEqual([]);
  });
});
