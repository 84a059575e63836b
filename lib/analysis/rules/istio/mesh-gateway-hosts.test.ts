import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
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
