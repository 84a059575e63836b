import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkMeshGatewayHosts } from './mesh-gateway-hosts';

const vs = (name: string, extra = '') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: default}
spec: {hosts: [productpage], ${extra} http: [{route: [{destination: {host: productpage}}]}]}
`;

describe('checkMeshGatewayHosts', () => {
  it('fires IST0109 on each VirtualService claiming the same mesh host', () => {
    expect(messages(checkMeshGatewayHosts(ctxOf([clusterOf('c1', vs('a') + vs('b'))])))).toEqual([
      'IST0109 The VirtualServices default/a,default/b associated with mesh gateway define the same host */productpage.default.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.',
      'IST0109 The VirtualServices default/a,default/b associated with mesh gateway define the same host */productpage.default.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.',
    ]);
  });

  it('is quiet when one is bound to a gateway only, or they live in different clusters', () => {
    expect(checkMeshGatewayHosts(ctxOf([clusterOf('c1', vs('a') + vs('b', 'gateways: [gw],'))]))).toEqual([]);
    expect(checkMeshGatewayHosts(ctxOf([clusterOf('c1', vs('a')), clusterOf('c2', vs('b'))]))).toEqual([]);
  });
});

describe('checkMeshGatewayHosts with exportTo', () => {
  const scoped = (name: string, ns: string, host: string, exportTo: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec: {hosts: [${host}], ${exportTo} http: [{route: [{destination: {host: x}}]}]}
`;

  it('fires IST0109 once per VirtualService when a scoped host overlaps one exported to all', () => {
    const yaml = scoped('all', 'a', 'api.example.com', '') + scoped('local', 'b', '"*.example.com"', 'exportTo: ["."],') + scoped('local2', 'b', '"*.example.com"', 'exportTo: ["."],');
    const fs = checkMeshGatewayHosts(ctxOf([clusterOf('c1', yaml)]));
    expect(fs.map((f) => `${f.objects[0]!.namespace}/${f.objects[0]!.name}`).sort()).toEqual(['a/all', 'b/local', 'b/local2']);
    expect(fs[0]!.message).toContain('a/all,b/local,b/local2');
  });

  it('is quiet for the same host kept to different namespaces', () => {
    const yaml = scoped('one', 'a', 'api.example.com', 'exportTo: ["."],') + scoped('two', 'b', 'api.example.com', 'exportTo: ["."],');
    expect(checkMeshGatewayHosts(ctxOf([clusterOf('c1', yaml)]))).toEqual([]);
  });
});
