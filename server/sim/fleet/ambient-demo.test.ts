import { describe, expect, it } from 'vitest';
import { podDataplane } from '../../../lib/fleet/dataplane';
import type { KubeObject } from '../kube/types';
import { buildCluster, FleetIndex } from './build-cluster';
import { demoFleet } from './demo-fleet';

const certs = { roots: { prod: 'PROD-ROOT', staging: 'STAGING-ROOT' }, apiCaPem: 'CA' };
const fleet = demoFleet();
const index = new FleetIndex(fleet);
const objectsOf = (cluster: string) => buildCluster(index, cluster, certs).objects;
const hasSidecar = (p: KubeObject) => ((p.spec as { containers: Array<{ name: string }> }).containers ?? []).some((c) => c.name === 'istio-proxy');

describe('demo fleet: ambient and Gateway API', () => {
  it('runs the shop in ambient mode: no sidecars, redirected pods, a waypoint per cluster', () => {
    for (const c of ['us-east-1', 'us-west-2']) {
      const objs = objectsOf(c);
      const ns = objs.find((o) => o.kind === 'Namespace' && o.metadata.name === 'shop');
      expect(ns?.metadata.labels).toMatchObject({ 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
      const apps = objs.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'shop' && !o.metadata.labels?.['gateway.networking.k8s.io/gateway-name']);
      expect(apps.length).toBeGreaterThan(0);
      for (const p of apps) {
        expect(hasSidecar(p)).toBe(false);
        expect(podDataplane({ hasProxy: false, labels: p.metadata.labels, annotations: p.metadata.annotations }, ns?.metadata.labels)).toBe('ambient');
      }
      const gw = objs.find((o) => o.kind === 'Gateway' && o.metadata.namespace === 'shop' && o.metadata.name === 'waypoint');
      expect((gw?.spec as { gatewayClassName: string }).gatewayClassName).toBe('istio-waypoint');
      expect(objs.some((o) => o.kind === 'Pod' && o.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] === 'waypoint')).toBe(true);
      expect(objs.some((o) => o.kind === 'HTTPRoute' && o.metadata.name === 'cart')).toBe(true);
      expect(objs.some((o) => o.kind === 'ReferenceGrant')).toBe(true);
    }
  });

  it('puts one ztunnel pod on every node of the prod clusters and none in staging', () => {
    for (const c of fleet.clusters) {
      const objs = objectsOf(c.name);
      const nodes = objs.filter((o) => o.kind === 'Node').map((o) => o.metadata.name).sort();
      const ztunnels = objs.filter((o) => o.kind === 'Pod' && o.metadata.labels?.app === 'ztunnel').map((o) => (o.spec as { nodeName: string }).nodeName).sort();
      expect(ztunnels).toEqual(c.mesh === 'prod' ? nodes : []);
    }
  });

  it('leaves the sidecar namespaces injected', () => {
    const bookinfo = objectsOf('us-east-1').filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'bookinfo');
    expect(bookinfo.length).toBeGreaterThan(0);
    for (const p of bookinfo) expect(hasSidecar(p)).toBe(true);
  });
});
