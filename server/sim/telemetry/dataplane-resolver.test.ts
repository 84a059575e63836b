import { describe, expect, it, vi } from 'vitest';
import { ambientTestFleet, buildStores, EAST, EDGES, WEST, waypointDown } from './ambient-test-fleet';
import { DataplaneResolver, PLAIN } from './dataplane-resolver';
import { podWorkloadName } from './pod-facts';
import { TrafficModel, type ModelEdge } from './traffic-model';

function setup() {
  const spec = ambientTestFleet();
  const stores = buildStores(spec);
  const model = new TrafficModel(spec, () => 0);
  const resolver = new DataplaneResolver((name) => stores.get(name));
  const edge = (spec: (typeof EDGES)[keyof typeof EDGES]): ModelEdge => {
    const e = model.edges.find((x) => x.spec === spec);
    if (!e) throw new Error('edge not in model');
    return e;
  };
  return { stores, resolver, edge, east: stores.get(EAST)!, west: stores.get(WEST)! };
}

describe('dataplane resolver', () => {
  it('ambient → ambient through a ready waypoint of the source cluster', () => {
    const { resolver, edge } = setup();
    const d = resolver.resolve(edge(EDGES.ambientViaWaypoint));
    expect(d).toMatchObject({ plain: false, clientAmbient: true, serverAmbient: true });
    expect(d.waypoint).toMatchObject({ cluster: EAST, namespace: 'shop', name: 'waypoint', present: true, ready: true });
    expect(d.waypoint?.side).toMatchObject({ workload: 'waypoint', canonicalService: 'waypoint', principal: 'spiffe://cluster.local/ns/shop/sa/waypoint', cluster: EAST });
    expect(d.waypoint?.service.host).toBe('waypoint.shop.svc.cluster.local');
    expect(resolver.faultOf(edge(EDGES.ambientViaWaypoint))).toBeUndefined();
  });

  it('uses the waypoint in the source cluster for a cross-cluster call', () => {
    const { resolver, edge } = setup();
    expect(resolver.resolve(edge(EDGES.crossCluster)).waypoint?.cluster).toBe(EAST);
  });

  it('sidecar → ambient: the client keeps its proxy, the server is ambient, the waypoint is in between', () => {
    const { resolver, edge } = setup();
    const d = resolver.resolve(edge(EDGES.sidecarViaWaypoint));
    expect(d).toMatchObject({ plain: false, clientAmbient: false, serverAmbient: true });
    expect(d.waypoint?.ready).toBe(true);
  });

  it('a service labelled use-waypoint=none is reached without a waypoint', () => {
    const { resolver, edge } = setup();
    for (const e of [EDGES.ambientL4, EDGES.ambientTcp]) {
      const d = resolver.resolve(edge(e));
      expect(d).toMatchObject({ plain: false, clientAmbient: true, serverAmbient: true });
      expect(d.waypoint).toBeUndefined();
    }
  });

  it('sidecar → sidecar is plain', () => {
    const { resolver, edge } = setup();
    expect(resolver.resolve(edge(EDGES.sidecars))).toBe(PLAIN);
  });

  it('a waypoint without a ready pod is not ready and faults the edges through it', () => {
    const { resolver, edge, east } = setup();
    waypointDown(east);
    const d = resolver.resolve(edge(EDGES.ambientViaWaypoint));
    expect(d.waypoint).toMatchObject({ present: true, ready: false });
    expect(resolver.faultOf(edge(EDGES.sidecarViaWaypoint))).toBe('no-healthy-upstream');
    expect(resolver.faultOf(edge(EDGES.ambientL4))).toBeUndefined();
  });

  it('a binding to a missing waypoint is neither present nor ready', () => {
    const { resolver, edge, east } = setup();
    east.delete('gateway.networking.k8s.io/v1', 'Gateway', 'shop', 'waypoint');
    expect(resolver.resolve(edge(EDGES.ambientViaWaypoint)).waypoint).toMatchObject({ present: false, ready: false });
    expect(resolver.faultOf(edge(EDGES.ambientViaWaypoint))).toBe('no-healthy-upstream');
  });

  it('a waypoint for workload traffic only does not take service traffic', () => {
    const { resolver, edge, east } = setup();
    east.mergePatch('gateway.networking.k8s.io/v1', 'Gateway', 'shop', 'waypoint', { metadata: { labels: { 'istio.io/waypoint-for': 'workload' } } });
    expect(resolver.resolve(edge(EDGES.ambientViaWaypoint)).waypoint).toBeUndefined();
  });

  it('follows a namespace relabelled to sidecar injection and its pods restarted with sidecars', () => {
    const { resolver, edge, east } = setup();
    expect(resolver.resolve(edge(EDGES.ambientL4)).clientAmbient).toBe(true);
    east.mergePatch('v1', 'Namespace', undefined, 'shop', { metadata: { labels: { 'istio.io/dataplane-mode': null, 'istio-injection': 'enabled' } } });
    for (const pod of east.list('v1', 'Pod', 'shop')) {
      if (!pod.metadata.name.startsWith('storefront-v1-')) continue;
      const spec = pod.spec as { containers: unknown[] };
      east.mergePatch('v1', 'Pod', 'shop', pod.metadata.name, { metadata: { annotations: { 'ambient.istio.io/redirection': null } }, spec: { containers: [...spec.containers, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.3' }] } });
    }
    const d = resolver.resolve(edge(EDGES.ambientL4));
    expect(d.clientAmbient).toBe(false);
    expect(d.serverAmbient).toBe(true);
  });

  it('decides once per resourceVersion of the stores involved', () => {
    const { resolver, edge, east, west } = setup();
    const e = edge(EDGES.crossCluster);
    const first = resolver.resolve(e);
    const lists = vi.spyOn(east, 'list');
    expect(resolver.resolve(e)).toBe(first);
    expect(lists).not.toHaveBeenCalled();
    // A write in the destination cluster alone is enough to decide again.
    west.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } });
    const again = resolver.resolve(e);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('reports a cluster without a store plainly', () => {
    const { edge } = setup();
    const resolver = new DataplaneResolver(() => undefined);
    expect(resolver.resolve(edge(EDGES.ambientViaWaypoint))).toBe(PLAIN);
  });

  it('names a pod by its controller: the ReplicaSet without its template hash', () => {
    const { east } = setup();
    const pod = east.list('v1', 'Pod', 'shop').find((p) => p.metadata.name.startsWith('cart-v1-'));
    expect(pod && podWorkloadName(pod)).toBe('cart-v1');
    expect(podWorkloadName({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ztunnel-abcde', ownerReferences: [{ kind: 'DaemonSet', name: 'ztunnel' }] } })).toBe('ztunnel');
    expect(podWorkloadName({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' } })).toBe('bare');
  });
});
