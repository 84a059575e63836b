import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkInjectionIn } from './injection';

const FILES = { defaultResources: false };
const ns = (name: string, labels = '{}') => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${labels}}
---
`;
const pod = (name: string, namespace: string, extra = '', containers = '[{name: app, image: app:1}]') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}${extra}}
spec: {containers: ${containers}}
---
`;
const injector = (byDefault: boolean, name = 'istio-sidecar-injector') => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: istio-system}
data:
  values: '{"sidecarInjectorWebhook":{"enableNamespacesByDefault":${byDefault}}}'
---
`;
const run = (c: ClusterView) => messages(checkInjectionIn(ctxOf([c]), c));

describe('injection.Analyzer', () => {
  it('fires IST0102 for a namespace without injection labels, quiet for labelled, ambient and istio-system ones', () => {
    const c = clusterOf('c', ns('shop') + ns('web', '{istio-injection: enabled}') + ns('off', '{istio-injection: disabled}') + ns('amb', '{istio.io/dataplane-mode: ambient}') + ns('canary', '{istio.io/rev: canary}') + ns('istio-system'), {}, FILES);
    expect(run(c)).toEqual([
      "IST0102 The namespace is not enabled for Istio injection. Run 'kubectl label namespace shop istio-injection=enabled' to enable it, or 'kubectl label namespace shop istio-injection=disabled' to explicitly mark it as not needing injection.",
    ]);
  });

  it('fires IST0148 instead when the injector enables namespaces by default', () => {
    const on = clusterOf('c', ns('shop') + injector(true), {}, FILES);
    expect(run(on)).toEqual(['IST0148 is enabled for Istio injection, as Istio is installed with enableNamespacesByDefault as true.']);
    const off = clusterOf('c', ns('shop') + injector(false), {}, FILES);
    expect(run(off).map((m) => m.slice(0, 7))).toEqual(['IST0102']);
  });

  it('fires IST0123 for competing injection labels, quiet when istio-injection=disabled wins', () => {
    const c = clusterOf('c', ns('both', '{istio-injection: enabled, istio.io/rev: canary}') + ns('amb', '{istio.io/rev: canary, istio.io/dataplane-mode: ambient}') + ns('off', '{istio-injection: disabled, istio.io/rev: canary}'), {}, FILES);
    expect(run(c)).toEqual([
      'IST0123 The namespace has more than one type of injection labels [istio.io/rev=canary istio.io/dataplane-mode=ambient], which may lead to undefined behavior. Make sure only one injection label exists.',
      'IST0123 The namespace has more than one type of injection labels [istio-injection=enabled istio.io/rev=canary], which may lead to undefined behavior. Make sure only one injection label exists.',
    ]);
  });

  it('fires IST0103 for a pod without proxy in an injected namespace', () => {
    const c = clusterOf('c', ns('web', '{istio-injection: enabled}') + pod('bare', 'web'), {}, FILES);
    expect(run(c)).toEqual(['IST0103 The pod web/bare is missing the Istio proxy. This can often be resolved by restarting or redeploying the workload.']);
  });

  it('is quiet for injected, opted-out and host-network pods, and pods of other namespaces', () => {
    const c = clusterOf('c', ns('web', '{istio-injection: enabled}') + ns('off', '{istio-injection: disabled}')
      + pod('ok', 'web', '', '[{name: app, image: a}, {name: istio-proxy, image: proxyv2:1.31.0}]')
      + pod('native', 'web', '', '[{name: app, image: a}]').replace('spec: {', 'spec: {initContainers: [{name: istio-proxy, image: proxyv2:1.31.0}], ')
      + pod('anno', 'web', ', annotations: {sidecar.istio.io/inject: "False"}')
      + pod('label', 'web', ', labels: {sidecar.istio.io/inject: "false"}, annotations: {sidecar.istio.io/inject: "true"}')
      + pod('host', 'web').replace('spec: {', 'spec: {hostNetwork: true, ')
      + pod('elsewhere', 'off'), {}, FILES);
    expect(run(c)).toEqual([]);
  });

  it('does not judge what the fleet model does not keep: pod specs, injector ConfigMaps', () => {
    const files = clusterOf('c', ns('shop') + ns('web', '{istio-injection: enabled}') + pod('bare', 'web'), {}, FILES);
    const fleet: ClusterView = { ...files, resources: undefined, pods: [...files.pods].map((p) => ({ ...p, spec: undefined })) };
    expect(run(fleet)).toEqual([]);
    expect(run({ ...files, complete: false }).map((m) => m.slice(0, 7))).toEqual(['IST0103']);
  });

  it('does not take a workload template for a pod missing its proxy', () => {
    const c = clusterOf('c', `${ns('web', '{istio-injection: enabled}')}apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: api, image: api:1}]}}}
`, {}, { podsFromWorkloads: true, defaultResources: false });
    expect(run(c)).toEqual([]);
  });
});
