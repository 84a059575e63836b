import { describe, expect, it } from 'vitest';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import { ambientFacts } from './ambient-facts';
import { fleetFacts } from './fleet-facts';
import { inventory } from './topology';

const kinds = builtinKinds();
const spec = (role: string) => kinds.find((k) => k.role === role)!;
const gateways = configKind('gateway.networking.k8s.io', 'v1', 'Gateway', 'gateways', true);

const pod = (namespace: string, name: string, workload: string, o: { proxy?: boolean; labels?: Record<string, string>; annotations?: Record<string, string> } = {}) =>
  ({ namespace, name, labels: { app: workload, ...o.labels }, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: workload }, hasProxy: o.proxy ?? false, annotations: o.annotations ?? {} }) as AnyRecord;
const service = (namespace: string, name: string, labels: Record<string, string> = {}) =>
  ({ namespace, name, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }], labels, externalAddresses: [] }) as AnyRecord;
const gateway = (namespace: string, name: string, gatewayClassName: string) =>
  ({ group: 'gateway.networking.k8s.io', version: 'v1', kind: 'Gateway', namespace, name, labels: {}, annotations: {}, spec: { gatewayClassName } }) as AnyRecord;
const deployment = (namespace: string, name: string, templateLabels: Record<string, string>) =>
  ({ namespace, name, labels: {}, replicas: 1, readyReplicas: 1, availableReplicas: 1, images: [], templateLabels }) as AnyRecord;
const REDIRECTED = { 'ambient.istio.io/redirection': 'enabled' };

/** The demo's shop in cluster a (waypoint known by its Gateway), its waypoint in b known only by its Deployment; c is sidecar-only. */
function fleet(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b', 'c']) m.upsertCluster({ name: c, displayName: c, source: 'test' });
  for (const c of ['a', 'b']) {
    m.apply(c, spec('namespaces'), 'shop', { name: 'shop', labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' } } as AnyRecord);
    m.apply(c, spec('pods'), 'shop/cart-1', pod('shop', 'cart-1', 'cart-v1', { annotations: REDIRECTED }));
    m.apply(c, spec('pods'), 'shop/db-1', pod('shop', 'db-1', 'inventory-db', { annotations: REDIRECTED }));
    m.apply(c, spec('pods'), 'shop/waypoint-1', pod('shop', 'waypoint-1', 'waypoint', { proxy: true, labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint', 'istio.io/dataplane-mode': 'none' } }));
    m.apply(c, spec('services'), 'shop/cart', service('shop', 'cart'));
    m.apply(c, spec('services'), 'shop/inventory-db', service('shop', 'inventory-db', { 'istio.io/use-waypoint': 'none' }));
    m.apply(c, spec('services'), 'shop/waypoint', service('shop', 'waypoint'));
  }
  m.apply('a', gateways, 'shop/waypoint', gateway('shop', 'waypoint', 'istio-waypoint'));
  m.apply('a', gateways, 'istio-ingress/public', gateway('istio-ingress', 'public', 'istio'));
  m.apply('a', spec('pods'), 'istio-ingress/public-1', pod('istio-ingress', 'public-1', 'public-istio', { proxy: true, labels: { 'gateway.networking.k8s.io/gateway-name': 'public' } }));
  m.apply('b', spec('deployments'), 'shop/waypoint', deployment('shop', 'waypoint', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }));
  m.apply('c', spec('pods'), 'bookinfo/pp-1', pod('bookinfo', 'pp-1', 'productpage-v1', { proxy: true }));
  return m;
}

describe('ambientFacts', () => {
  it('tells ambient workloads, waypoints (by Gateway class or managed Deployment) and sidecars apart', () => {
    const f = ambientFacts(fleet());
    expect(f.any).toBe(true);
    expect([f.isAmbient('a', 'shop', 'cart-v1'), f.isAmbient('b', 'shop', 'inventory-db'), f.isAmbient('c', 'bookinfo', 'productpage-v1')]).toEqual([true, true, false]);
    expect([f.isWaypoint('a', 'shop', 'waypoint'), f.isWaypoint('b', 'shop', 'waypoint'), f.isAmbient('a', 'shop', 'waypoint')]).toEqual([true, true, false]);
    // An ingress Gateway's pods carry gateway-name too; its class is not istio-waypoint.
    expect(f.isWaypoint('a', 'istio-ingress', 'public-istio')).toBe(false);
  });

  it('names the waypoint a Service uses by the label rules, honouring use-waypoint: none', () => {
    const f = ambientFacts(fleet());
    expect(f.waypointOf('a', 'shop', 'cart')).toEqual({ namespace: 'shop', name: 'waypoint' });
    expect(f.waypointOf('a', 'shop', 'inventory-db')).toBeUndefined();
    expect(f.waypointOf('c', 'shop', 'cart')).toBeUndefined();
  });

  it('is kept per model revision and follows writes', () => {
    const m = fleet();
    const f = ambientFacts(m);
    expect(ambientFacts(m)).toBe(f);
    m.apply('c', spec('pods'), 'bookinfo/pp-1', pod('bookinfo', 'pp-1', 'productpage-v1', { annotations: REDIRECTED }));
    expect(ambientFacts(m)).not.toBe(f);
    expect(ambientFacts(m).isAmbient('c', 'bookinfo', 'productpage-v1')).toBe(true);
  });

  it('says nothing is ambient in a sidecar-only fleet', () => {
    const m = new FleetModel();
    m.upsertCluster({ name: 'c', displayName: 'c', source: 'test' });
    m.apply('c', spec('pods'), 'bookinfo/pp-1', pod('bookinfo', 'pp-1', 'productpage-v1', { proxy: true }));
    expect(ambientFacts(m).any).toBe(false);
  });

  it('puts waypoints in the topology inventory as waypoint nodes, in every graph type', () => {
    const facts = fleetFacts(fleet(), ALL);
    const ids = (t: 'workload' | 'app' | 'service') => inventory(facts, t).nodes.map((n) => n.id).filter((id) => id.includes('waypoint'));
    expect(ids('workload').sort()).toEqual(['wp:a/shop/waypoint', 'wp:b/shop/waypoint']);
    expect(ids('app').sort()).toEqual(['wp:a/shop/waypoint', 'wp:b/shop/waypoint']);
    expect(ids('service').sort()).toEqual(['wp:a/shop/waypoint', 'wp:b/shop/waypoint']);
    expect(inventory(facts, 'workload').nodes.find((n) => n.id === 'wp:a/shop/waypoint')?.kind).toBe('waypoint');
  });
});
