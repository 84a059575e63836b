import { describe, expect, it } from 'vitest';
import { installVendoredCrds } from '../kube/vendored-crds';
import { createClusterStore } from '../kube/store';
import type { KubeObject } from '../kube/types';
import { buildCluster, FleetIndex } from './build-cluster';
import { demoFleet, PROD, STAGING } from './demo-fleet';
import { matchesSelector } from './workloads';

const certs = { roots: { prod: 'PROD-ROOT', staging: 'STAGING-ROOT' }, apiCaPem: 'CA' };
const fleet = demoFleet();
const index = new FleetIndex(fleet);
const built = fleet.clusters.map((c) => buildCluster(index, c.name, certs));
const ofKind = (objs: KubeObject[], kind: string) => objs.filter((o) => o.kind === kind);
const labels = (o: KubeObject) => o.metadata.labels ?? {};

describe('demo fleet', () => {
  it('has two meshes: prod with three clusters on three networks, staging with its own root', () => {
    expect(fleet.clusters.filter((c) => c.mesh === 'prod').map((c) => c.name)).toEqual([...PROD]);
    expect(new Set(fleet.clusters.map((c) => c.network)).size).toBe(4);
    const staging = built.find((b) => b.cluster.name === STAGING);
    const roots = ofKind(staging?.objects ?? [], 'ConfigMap').filter((c) => c.metadata.name === 'istio-ca-root-cert');
    expect(roots.length).toBeGreaterThan(2);
    for (const r of roots) expect((r.data as Record<string, string>)['root-cert.pem']).toBe('STAGING-ROOT');
  });

  it('applies cleanly to a validating store (every custom resource matches its CRD schema)', () => {
    for (const b of built) {
      const store = createClusterStore();
      installVendoredCrds(store);
      for (const o of b.objects) store.apply(o);
      expect(store.list('v1', 'Pod').length).toBe(b.pods.length);
    }
  });

  it("matches every pod's labels to its Service selector and lists ready pods in EndpointSlices", () => {
    for (const b of built) {
      const pods = ofKind(b.objects, 'Pod');
      for (const svc of ofKind(b.objects, 'Service')) {
        const selector = (svc.spec as { selector: Record<string, string> }).selector;
        const selected = pods.filter((p) => p.metadata.namespace === svc.metadata.namespace && matchesSelector(labels(p), selector));
        const slice = ofKind(b.objects, 'EndpointSlice').find(
          (s) => s.metadata.namespace === svc.metadata.namespace && labels(s)['kubernetes.io/service-name'] === svc.metadata.name,
        );
        const endpoints = (slice?.endpoints ?? []) as Array<{ targetRef: { name: string }; conditions: { ready: boolean } }>;
        expect(endpoints.map((e) => e.targetRef.name).sort()).toEqual(selected.map((p) => p.metadata.name).sort());
        expect(endpoints.every((e) => e.conditions.ready)).toBe(true);
      }
      // Every Deployment's selector selects its own pods only.
      for (const d of ofKind(b.objects, 'Deployment')) {
        const sel = (d.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
        const mine = pods.filter((p) => p.metadata.namespace === d.metadata.namespace && matchesSelector(labels(p), sel));
        expect(mine.length, `${b.cluster.name} ${d.metadata.name}`).toBe((d.spec as { replicas: number }).replicas);
      }
    }
  });

  it('places bookinfo across prod clusters with Services everywhere', () => {
    const where = (name: string) => built.filter((b) => ofKind(b.objects, 'Deployment').some((d) => d.metadata.name === name)).map((b) => b.cluster.name);
    expect(where('productpage-v1')).toEqual(['us-east-1', STAGING]);
    expect(where('reviews-v3')).toEqual(['us-west-2', STAGING]);
    expect(where('ratings-v1')).toEqual(['eu-central-1', STAGING]);
    for (const b of built.filter((x) => x.cluster.mesh === 'prod')) {
      const names = ofKind(b.objects, 'Service').filter((s) => s.metadata.namespace === 'bookinfo').map((s) => s.metadata.name);
      expect(names.sort()).toEqual(['details', 'productpage', 'ratings', 'reviews']);
    }
  });

  it('gives injected pods an istio-proxy of their revision and istiod pods revision labels', () => {
    const west = built.find((b) => b.cluster.name === 'us-west-2');
    const hw = west?.pods.find((p) => p.labels.app === 'helloworld');
    expect(hw?.labels['istio.io/rev']).toBe('1-31-canary');
    const containers = (hw?.object.spec as { containers: Array<{ name: string; image: string }> }).containers;
    expect(containers.find((c) => c.name === 'istio-proxy')?.image).toContain(':1.31.0');
    const istiods = west?.pods.filter((p) => p.labels.app === 'istiod').map((p) => p.labels['istio.io/rev']);
    expect(istiods?.sort()).toEqual(['1-31-canary', 'default']);
    const gw = ofKind(west?.objects ?? [], 'Service').find((s) => labels(s).istio === 'eastwestgateway');
    expect((gw?.status as { loadBalancer: { ingress: Array<{ ip: string }> } }).loadBalancer.ingress[0]?.ip).toMatch(/^192\.0\.2\./);
  });

  it('only references workloads that exist in its traffic edges', () => {
    const key = (c: string, ns: string, w: string) => `${c}/${ns}/${w}`;
    const all = new Set(fleet.workloads.map((w) => key(w.cluster, w.namespace, w.name)));
    for (const e of fleet.edges) {
      expect(all.has(key(e.source.cluster, e.source.namespace, e.source.workload))).toBe(true);
      expect(all.has(key(e.destination.cluster, e.destination.namespace, e.destination.workload))).toBe(true);
    }
  });
});
