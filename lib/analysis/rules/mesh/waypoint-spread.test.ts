import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkWaypointSpread } from './waypoint-spread';

const ns = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
`;
const svc = (name: string, labels = '{}') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop, labels: ${labels}}
spec: {selector: {app: ${name}}, ports: [{name: http, port: 8080}]}
`;
const waypoint = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop, labels: {istio.io/waypoint-for: service}}
spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
`;
const apps = ns + svc('cart') + svc('inventory-db', '{istio.io/use-waypoint: none}');

describe('checkWaypointSpread (MG0020)', () => {
  it('fires for the cluster that uses a waypoint only other clusters have, naming what uses it', () => {
    const fs = checkWaypointSpread(ctxOf([clusterOf('east', apps + waypoint), clusterOf('west', apps)]));
    expect(fs.map((f) => [f.code, f.level, f.clusters])).toEqual([['MG0020', 'Error', ['east', 'west']]]);
    expect(fs[0]!.objects.map((o) => `${o.cluster}/${o.kind}/${o.name}`)).toEqual(['west/Namespace/shop', 'west/Service/cart']);
    expect(fs[0]!.mentions).toEqual([{ cluster: 'east', kind: 'Gateway', namespace: 'shop', name: 'waypoint' }]);
    expect(fs[0]!.message).toBe('In west, namespace shop and service shop/cart use waypoint shop/waypoint, which exists in east but not in west; Istio needs the same waypoint in every cluster of the mesh: traffic from west to them finds no waypoint there, so their L7 routing and policy are skipped or the requests fail.');
  });

  it('is quiet when every cluster has the waypoint, when none has it, and for an incomplete cluster', () => {
    expect(checkWaypointSpread(ctxOf([clusterOf('east', apps + waypoint), clusterOf('west', apps + waypoint)]))).toEqual([]);
    expect(checkWaypointSpread(ctxOf([clusterOf('east', apps), clusterOf('west', apps)]))).toEqual([]);
    expect(checkWaypointSpread(ctxOf([clusterOf('east', apps + waypoint), clusterOf('west', apps, { complete: false })]))).toEqual([]);
  });
});
