import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkDataplaneConsistency } from './dataplane-consistency';

const ns = (labels: string) => `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {${labels}}}
`;
const AMBIENT = 'istio.io/dataplane-mode: ambient';
const SIDECAR = 'istio-injection: enabled';
const svc = `---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{name: http, port: 8080}]}
`;
const ambientPod = `---
apiVersion: v1
kind: Pod
metadata: {name: cart-a, namespace: shop, labels: {app: cart}, annotations: {ambient.istio.io/redirection: enabled}}
spec: {nodeName: n1, containers: [{name: cart, image: cart}]}
`;
const sidecarPod = `---
apiVersion: v1
kind: Pod
metadata: {name: cart-s, namespace: shop, labels: {app: cart}}
spec: {nodeName: n1, containers: [{name: cart, image: cart}, {name: istio-proxy, image: docker.io/istio/proxyv2:1.31.0}]}
`;

describe('checkDataplaneConsistency (MG0019)', () => {
  it('fires when the service runs ambient in one cluster and with sidecars in another, naming both', () => {
    const fs = checkDataplaneConsistency(ctxOf([clusterOf('east', ns(AMBIENT) + svc + ambientPod), clusterOf('west', ns(SIDECAR) + svc + sidecarPod)], {}, 'prod'));
    expect(fs.map((f) => [f.code, f.level, f.clusters])).toEqual([['MG0019', 'Warning', ['east', 'west']]]);
    expect(fs[0]!.objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`)).toEqual(['east/Service/shop/cart', 'west/Service/shop/cart']);
    expect(fs[0]!.message).toBe('Service shop/cart runs in different data-plane modes across mesh prod: ambient in east; sidecar in west. Its endpoints then differ in how traffic is secured, which policies apply (waypoint or sidecar) and who reports telemetry.');
  });

  it('without pods in a cluster, goes by what its namespace asks for', () => {
    const fs = checkDataplaneConsistency(ctxOf([clusterOf('east', ns(AMBIENT) + svc + ambientPod), clusterOf('west', ns(SIDECAR) + svc)]));
    expect(fs[0]!.message).toContain('sidecar in west (namespace label, no pods)');
  });

  it('is quiet when every cluster agrees, when a podless namespace asks for nothing, and for incomplete clusters', () => {
    expect(checkDataplaneConsistency(ctxOf([clusterOf('east', ns(AMBIENT) + svc + ambientPod), clusterOf('west', ns(AMBIENT) + svc + ambientPod.replace('cart-a', 'cart-b'))]))).toEqual([]);
    expect(checkDataplaneConsistency(ctxOf([clusterOf('east', ns(AMBIENT) + svc + ambientPod), clusterOf('west', ns('team: shop') + svc)]))).toEqual([]);
    expect(checkDataplaneConsistency(ctxOf([clusterOf('east', ns(AMBIENT) + svc + ambientPod), clusterOf('west', ns(SIDECAR) + svc + sidecarPod, { complete: false })]))).toEqual([]);
  });
});
