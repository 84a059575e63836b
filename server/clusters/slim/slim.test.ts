import { describe, expect, it } from 'vitest';
import { createCa } from '../../sim/pki';
import { MAX_CONDITION_MESSAGE, MAX_CONDITIONS, slimEndpointSlice, slimService } from './core';
import { certificateSummary, MAX_CONFIG_BYTES, slimConfigObject, slimMeshConfig, slimRootCert } from './istio';
import { imageTag, slimDeployment, slimPod } from './workloads';

describe('slimming', () => {
  it("keeps a Gateway API route's status parents, within the config size bound", () => {
    const route = (message: string) => ({
      metadata: { name: 'cart', namespace: 'shop', resourceVersion: '7' },
      spec: { parentRefs: [{ kind: 'Service', group: '', name: 'cart', port: 8080 }] },
      status: { parents: [{ parentRef: { kind: 'Service', group: '', name: 'cart', port: 8080 }, controllerName: 'istio.io/gateway-controller', conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message }] }] },
    });
    const r = slimConfigObject(route('Route was valid'), 'gateway.networking.k8s.io', 'v1', 'HTTPRoute', true);
    expect(r.ok && (r.record.status as { parents: Array<{ conditions: unknown[] }> }).parents[0]!.conditions).toEqual([{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route was valid' }]);
    const huge = slimConfigObject(route('x'.repeat(MAX_CONFIG_BYTES)), 'gateway.networking.k8s.io', 'v1', 'HTTPRoute', true);
    expect(huge.ok).toBe(false);
  });
  it("keeps a Service's status conditions, bounded and shared between Services bound to one waypoint", () => {
    const svc = (name: string, conditions: unknown) => ({ metadata: { name, namespace: 'shop' }, spec: { ports: [{ port: 8080 }] }, status: { conditions } });
    const bound = { type: 'istio.io/WaypointBound', status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint', lastTransitionTime: '2024-01-01T00:00:00Z', observedGeneration: 3 };
    const a = slimService(svc('cart', [bound]));
    const b = slimService(JSON.parse(JSON.stringify(svc('pricing', [bound]))));
    if (!a.ok || !b.ok) throw new Error('not slimmed');
    expect(a.record.status).toEqual({ conditions: [{ type: 'istio.io/WaypointBound', status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint' }] });
    expect(b.record.status!.conditions).toBe(a.record.status!.conditions);
    const many = slimService(svc('x', [...Array.from({ length: 20 }, (_, i) => ({ type: `T${i}`, status: 'False', message: 'm'.repeat(5000) })), { status: 'True' }]));
    expect(many.ok && many.record.status!.conditions.length).toBe(MAX_CONDITIONS);
    expect(many.ok && many.record.status!.conditions[0]!.message!.length).toBe(MAX_CONDITION_MESSAGE);
    // No conditions, or only malformed ones: no status at all.
    const none = slimService(svc('y', [{ reason: 'x' }, 'junk']));
    expect(none.ok && 'status' in none.record).toBe(false);
  });
  it('keeps of a mesh config the identity and the fields analysis reads, nothing else', () => {
    const mesh = 'trustDomain: td\ndefaultConfig:\n  meshId: m1\n  proxyMetadata: {ISTIO_META_DNS_AUTO_ALLOCATE: "true"}\n  tracing: {zipkin: {address: z:9411}}\nextensionProviders:\n- {name: otel, opentelemetry: {service: o, port: 4317}}\naccessLogFile: /dev/stdout\n';
    const r = slimMeshConfig({ metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh } });
    expect(r.ok && r.record).toEqual({
      namespace: 'istio-system', name: 'istio', revision: 'default', meshId: 'm1', trustDomain: 'td',
      settings: { trustDomain: 'td', extensionProviders: [{ name: 'otel', opentelemetry: { service: 'o', port: 4317 } }], defaultConfig: { proxyMetadata: { ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } } },
    });
  });
  it('keeps only the pod fields the product uses and finds the sidecar version', () => {
    const r = slimPod({
      metadata: { name: 'reviews-v1-7d9f-abcde', namespace: 'bookinfo', labels: { app: 'reviews', version: 'v1', 'pod-template-hash': '7d9f', junk: 'x' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'reviews-v1-7d9f', controller: true }] },
      spec: { containers: [{ name: 'reviews', image: 'r:1' }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.1' }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    });
    expect(r.ok && r.record).toMatchObject({ workload: { kind: 'Deployment', name: 'reviews-v1' }, hasProxy: true, proxyVersion: '1.24.1', ready: true, labels: { app: 'reviews', version: 'v1' } });
    expect(r.ok && 'junk' in r.record.labels).toBe(false);
  });
  it('shares the labels, owner and annotations of pods of one workload, and drops what no reader uses', () => {
    const pod = (name: string) =>
      JSON.parse(
        JSON.stringify({
          metadata: { name, namespace: 'bookinfo', labels: { app: 'reviews', version: 'v1', 'pod-template-hash': '7d9f' }, annotations: { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}', 'admiral.io/env': 'stage' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'reviews-v1-7d9f', controller: true }] },
          spec: { nodeName: 'node-1', serviceAccountName: 'reviews', containers: [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.1' }] },
          status: { phase: 'Running', podIP: '10.1.2.3' },
        }),
      ) as unknown;
    const a = slimPod(pod('reviews-v1-7d9f-aaaaa'));
    const b = slimPod(pod('reviews-v1-7d9f-bbbbb'));
    if (!a.ok || !b.ok) throw new Error('not slimmed');
    expect(b.record.labels).toBe(a.record.labels);
    expect(b.record.workload).toBe(a.record.workload);
    expect(b.record.nodeName).toBe('node-1');
    expect(a.record.annotations).toEqual({ 'admiral.io/env': 'stage' });
    expect(b.record.annotations).toBe(a.record.annotations);
    expect(Object.keys(a.record).sort()).toEqual(['annotations', 'hasProxy', 'labels', 'name', 'namespace', 'nodeName', 'phase', 'proxyVersion', 'ready', 'spec', 'workload']);
    expect(Object.isFrozen(a.record.labels)).toBe(true);
    // What the analyzers read of the spec, one frozen copy for the workload; serviceAccountName and the rest are dropped.
    expect(a.record.spec).toEqual({ containers: [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.1' }] });
    expect(b.record.spec).toBe(a.record.spec);
    expect(Object.isFrozen(a.record.spec!.containers[0])).toBe(true);
  });
  it("keeps Istio's own pod annotations and the spec fields Istio's analyzers read", () => {
    const r = slimPod({
      metadata: { name: 'p', namespace: 'n', annotations: { 'sidecar.istio.io/inject': 'false', 'proxy.istio.io/config': '{}', 'ambient.istio.io/redirection': 'enabled', 'sidecar.istio.io/status': '{"x":1}', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'example.com/istio.io/x': 'y' } },
      spec: { hostNetwork: true, securityContext: { runAsUser: 1337 }, containers: [{ name: 'app', image: 'a:1', securityContext: { runAsUser: 1000 }, env: [{ name: 'X', value: 'y' }], ports: [{ containerPort: 80 }] }] },
    });
    expect(r.ok && r.record.annotations).toEqual({ 'sidecar.istio.io/inject': 'false', 'proxy.istio.io/config': '{}', 'ambient.istio.io/redirection': 'enabled' });
    expect(r.ok && r.record.spec).toEqual({ hostNetwork: true, securityContext: { runAsUser: 1337 }, containers: [{ name: 'app', image: 'a:1', securityContext: { runAsUser: 1000 } }] });
  });
  it('keeps only readiness and the pod of each endpoint', () => {
    const r = slimEndpointSlice({
      metadata: { name: 'reviews-x', namespace: 'bookinfo', labels: { 'kubernetes.io/service-name': 'reviews' } },
      ports: [{ port: 9080 }],
      endpoints: [
        { addresses: ['10.1.2.3'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'r1' }, nodeName: 'n', zone: 'z' },
        { addresses: ['10.1.2.4'] },
      ],
    });
    expect(r.ok && r.record).toEqual({ namespace: 'bookinfo', name: 'reviews-x', service: 'reviews', endpoints: [{ ready: false, pod: 'r1' }, { ready: true }] });
  });
  it('skips objects missing fields or of the wrong shape', () => {
    expect(slimPod({ metadata: { namespace: 'x' }, spec: { containers: [] } })).toMatchObject({ ok: false, reason: 'metadata.name missing' });
    expect(slimService({ metadata: { name: 's', namespace: 'n' }, spec: { ports: 'nope' } })).toMatchObject({ ok: false });
    expect(slimEndpointSlice({ metadata: { name: 's', namespace: 'n' }, endpoints: [] })).toMatchObject({ ok: false });
    expect(slimPod('string')).toMatchObject({ ok: false });
  });
  it('skips absurdly large config objects and marks them oversized', () => {
    const big = { metadata: { name: 'vs', namespace: 'n' }, spec: { hosts: ['x'.repeat(MAX_CONFIG_BYTES + 10)] } };
    expect(slimConfigObject(big, 'networking.istio.io', 'v1', 'VirtualService', true)).toMatchObject({ ok: false, oversized: true });
  });
  it('reads the root certificate fingerprint and expiry, dropping the PEM', () => {
    const ca = createCa('test root');
    const s = certificateSummary(ca.certPem);
    expect(s.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(new Date(s.notAfter).getTime()).toBeGreaterThan(Date.now());
    const r = slimRootCert({ metadata: { name: 'istio-ca-root-cert', namespace: 'n' }, data: { 'root-cert.pem': ca.certPem } });
    expect(r.ok && r.record.fingerprint).toBe(s.fingerprint);
    expect(slimRootCert({ metadata: { name: 'istio-ca-root-cert', namespace: 'n' }, data: { 'root-cert.pem': 'garbage' } })).toMatchObject({ ok: true, record: { error: expect.stringContaining('unreadable') } });
  });
  it('keeps a Deployment\'s spec replicas, container images in order and all pod template labels', () => {
    const r = slimDeployment({
      metadata: { name: 'reviews-v1', namespace: 'bookinfo', labels: { app: 'reviews', team: 'x' } },
      spec: {
        replicas: 3,
        template: {
          metadata: { labels: { app: 'reviews', version: 'v1', 'custom/label': 'y' } },
          spec: { initContainers: [{ name: 'init', image: 'busybox:1' }], containers: [{ name: 'reviews', image: 'reviews:1.2' }, { name: 'sidecar', image: 'log:3' }, { name: 'no-image' }] },
        },
      },
      status: { readyReplicas: 2, availableReplicas: 1 },
    });
    expect(r.ok && r.record).toEqual({
      namespace: 'bookinfo', name: 'reviews-v1', labels: { app: 'reviews' }, replicas: 3, readyReplicas: 2, availableReplicas: 1,
      images: ['reviews:1.2', 'log:3'], templateLabels: { app: 'reviews', version: 'v1', 'custom/label': 'y' },
      spec: {
        template: {
          metadata: { labels: { app: 'reviews', version: 'v1', 'custom/label': 'y' }, annotations: {} },
          spec: { containers: [{ name: 'reviews', image: 'reviews:1.2' }, { name: 'sidecar', image: 'log:3' }, { name: 'no-image' }], initContainers: [{ name: 'init', image: 'busybox:1' }] },
        },
      },
    });
    const bare = slimDeployment({ metadata: { name: 'd', namespace: 'n' }, spec: {} });
    expect(bare.ok && bare.record).toMatchObject({ replicas: 1, images: [], templateLabels: {} });
  });
  it('reads image tags', () => {
    expect(imageTag('docker.io/istio/proxyv2:1.24.1')).toBe('1.24.1');
    expect(imageTag('localhost:5000/proxy')).toBeUndefined();
  });
});
