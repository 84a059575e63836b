import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkInjectionImagesIn } from './injection-image';

const FILES = { defaultResources: false };
const injector = (name: string, global: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: istio-system}
data:
  values: '{"global":${global}}'
---
`;
const DEFAULT = injector('istio-sidecar-injector', '{"hub":"docker.io/istio","tag":"1.31.0","proxy":{"image":"proxyv2"}}');
const CANARY = injector('istio-sidecar-injector-canary', '{"proxy":{"image":"docker.io/istio/proxyv2:1.32.0"}}');
const ns = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${labels}}
---
`;
const pod = (name: string, namespace: string, image: string, meta = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}${meta}}
spec: {containers: [{name: app, image: app:1}, {name: istio-proxy, image: "${image}"}]}
---
`;
const run = (c: ClusterView) => messages(checkInjectionImagesIn(ctxOf([c]), c));
const MISMATCH = (pods: string) => `IST0158 The Istio proxy images of the pods running in the namespace do not match the image defined in the injection configuration (pod names: ${pods}). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pods.`;

describe('injection.ImageAnalyzer', () => {
  it("fires IST0158 once per namespace for pods whose proxy is not the injector's image, by revision", () => {
    const c = clusterOf('c', DEFAULT + CANARY + ns('web', '{istio-injection: enabled}') + ns('beta', '{istio.io/rev: canary}')
      + pod('b-old', 'web', 'docker.io/istio/proxyv2:1.30.0') + pod('a-old', 'web', 'docker.io/istio/proxyv2:1.29.0') + pod('new', 'web', 'docker.io/istio/proxyv2:1.31.0')
      + pod('c-old', 'beta', 'docker.io/istio/proxyv2:1.31.0') + pod('c-new', 'beta', 'docker.io/istio/proxyv2:1.32.0'), {}, FILES);
    expect(run(c)).toEqual([MISMATCH('[a-old b-old]'), MISMATCH('[c-old]')]);
  });

  it('accepts the image variant the mesh config or a ProxyConfig asks for', () => {
    const files = DEFAULT + ns('web', '{istio-injection: enabled}') + ns('dl', '{istio-injection: enabled}') + pod('p', 'web', 'docker.io/istio/proxyv2:1.31.0-distroless')
      + pod('q', 'dl', 'docker.io/istio/proxyv2:1.31.0-distroless') + `apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata: {name: pc, namespace: dl}
spec: {image: {imageType: distroless}}
`;
    expect(run(clusterOf('c', files, {}, FILES))).toEqual([MISMATCH('[p]')]);
    expect(run(clusterOf('c', files, { meshConfig: { defaultConfig: { image: { imageType: 'distroless' } } } }, FILES))).toEqual([]);
  });

  it('is quiet without an injector ConfigMap, outside injected namespaces, and for pods with their own proxy image', () => {
    const pods = ns('web', '{istio-injection: enabled}') + ns('plain', '{}') + pod('own', 'web', 'my/proxy:1', ', annotations: {sidecar.istio.io/proxyImage: my/proxy:1}') + pod('other', 'plain', 'docker.io/istio/proxyv2:1.0.0');
    expect(run(clusterOf('c', DEFAULT + pods, {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', pods + pod('old', 'web', 'docker.io/istio/proxyv2:1.0.0'), {}, FILES))).toEqual([]);
  });
});
