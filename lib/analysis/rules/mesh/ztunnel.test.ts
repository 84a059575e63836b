import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkZtunnelNodes } from './ztunnel';

const ns = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
`;
const app = (name: string, node: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${name}}, annotations: {ambient.istio.io/redirection: enabled}}
spec: {nodeName: ${node}, containers: [{name: app, image: app}]}
`;
const ztunnel = (node: string, ready: boolean) => `---
apiVersion: v1
kind: Pod
metadata: {name: ztunnel-${node}, namespace: istio-system, labels: {app: ztunnel, istio.io/dataplane-mode: none}}
spec: {nodeName: ${node}, containers: [{name: istio-proxy, image: docker.io/istio/ztunnel:1.31.0}]}
status: {phase: Running, conditions: [{type: Ready, status: "${ready ? 'True' : 'False'}"}]}
`;
const apps = ns + app('cart', 'n1') + app('storefront', 'n1') + app('pricing', 'n2');

describe('checkZtunnelNodes (MG0023)', () => {
  it('fires for a node whose ztunnel is not ready, counting its ambient pods', () => {
    const fs = checkZtunnelNodes(ctxOf([clusterOf('east', apps + ztunnel('n1', false) + ztunnel('n2', true))]));
    expect(fs.map((f) => [f.code, f.level, f.objects.map((o) => `${o.kind}/${o.name}`)])).toEqual([['MG0023', 'Error', ['Node/n1', 'Pod/ztunnel-n1']]]);
    expect(fs[0]!.message).toBe('Node n1 in east runs 2 ambient pods but its ztunnel pod istio-system/ztunnel-n1 is not ready; their traffic is cut off until ztunnel is ready on the node.');
  });

  it('fires for a node without a ztunnel pod', () => {
    const fs = checkZtunnelNodes(ctxOf([clusterOf('east', apps + ztunnel('n1', true))]));
    expect(fs.map((f) => f.message)).toEqual(['Node n2 in east runs 1 ambient pod but no ztunnel pod runs there; their traffic is cut off until ztunnel is ready on the node.']);
  });

  it('is quiet when every ambient node has a ready ztunnel, for sidecar-only nodes, and for incomplete clusters', () => {
    expect(checkZtunnelNodes(ctxOf([clusterOf('east', apps + ztunnel('n1', true) + ztunnel('n2', true))]))).toEqual([]);
    const sidecar = app('cart', 'n1').replace(', annotations: {ambient.istio.io/redirection: enabled}', '').replace('{name: app, image: app}', '{name: app, image: app}, {name: istio-proxy, image: docker.io/istio/proxyv2:1.31.0}');
    expect(checkZtunnelNodes(ctxOf([clusterOf('east', sidecar)]))).toEqual([]);
    expect(checkZtunnelNodes(ctxOf([clusterOf('east', apps, { complete: false })]))).toEqual([]);
  });
});
