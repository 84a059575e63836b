import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkWaypointReadiness } from './waypoint-readiness';

const ns = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
`;
const svc = (name: string, labels = '{}', selector = `{app: ${name}}`) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop, labels: ${labels}}
spec: {selector: ${selector}, ports: [{name: http, port: 8080}]}
`;
const gateway = (programmed: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop, labels: {istio.io/waypoint-for: service}}
spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
status: {conditions: [{type: Accepted, status: "True", reason: Accepted}, ${programmed}]}
`;
const PROGRAMMED = '{type: Programmed, status: "True", reason: Programmed}';
const NOT_PROGRAMMED = '{type: Programmed, status: "False", reason: NoResources, message: "deployment has no ready replicas"}';
const pod = (ready: boolean) => `---
apiVersion: v1
kind: Pod
metadata: {name: waypoint-abc, namespace: shop, labels: {gateway.networking.k8s.io/gateway-name: waypoint, istio.io/dataplane-mode: none}}
spec: {nodeName: n1, containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.31.0}]}
status: {phase: Running, conditions: [{type: Ready, status: "${ready ? 'True' : 'False'}"}]}
`;
// The waypoint's own Service and an opted-out one are not bound to it.
const apps = ns + svc('cart') + svc('pricing') + svc('inventory-db', '{istio.io/use-waypoint: none}') + svc('waypoint', '{gateway.istio.io/managed: istio.io-mesh-controller}', '{gateway.networking.k8s.io/gateway-name: waypoint}');

describe('checkWaypointReadiness (MG0022)', () => {
  it('fires for a waypoint in use without a ready pod, naming the services that lose L7 traffic', () => {
    const fs = checkWaypointReadiness(ctxOf([clusterOf('east', apps + gateway(NOT_PROGRAMMED) + pod(false))]));
    expect(fs.map((f) => [f.code, f.level, f.objects[0]])).toEqual([['MG0022', 'Error', { cluster: 'east', kind: 'Gateway', namespace: 'shop', name: 'waypoint' }]]);
    expect(fs[0]!.message).toBe('Waypoint shop/waypoint in east has no ready pod and is Programmed False (NoResources: deployment has no ready replicas); L7 traffic through it fails for what uses it: services shop/cart, shop/pricing and namespace shop.');
    expect(fs[0]!.mentions?.map((m) => m.name)).toEqual(['cart', 'pricing']);
  });

  it('fires on Programmed False alone, and on missing pods alone', () => {
    expect(checkWaypointReadiness(ctxOf([clusterOf('east', apps + gateway(NOT_PROGRAMMED) + pod(true))]))[0]!.message).toContain('waypoint in east is Programmed False');
    expect(checkWaypointReadiness(ctxOf([clusterOf('east', apps + gateway(PROGRAMMED))]))[0]!.message).toContain('has no ready pod;');
  });

  it('is quiet for a ready waypoint, one nothing uses, and pods unknown in an incomplete cluster', () => {
    expect(checkWaypointReadiness(ctxOf([clusterOf('east', apps + gateway(PROGRAMMED) + pod(true))]))).toEqual([]);
    expect(checkWaypointReadiness(ctxOf([clusterOf('east', svc('cart') + gateway(PROGRAMMED))]))).toEqual([]);
    expect(checkWaypointReadiness(ctxOf([clusterOf('east', apps + gateway(PROGRAMMED), { complete: false })]))).toEqual([]);
  });
});
