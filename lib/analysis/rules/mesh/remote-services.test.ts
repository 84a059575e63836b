import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkRemoteOnlyServices } from './remote-services';

const svc = `apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec: {ports: [{name: grpc, port: 8080}]}
`;
const vs = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: payments, namespace: shop}
spec: {hosts: [payments], http: [{route: [{destination: {host: payments}}]}]}
`;

describe('checkRemoteOnlyServices (MG0015)', () => {
  it('fires when the client cluster routes to a host whose Service lives only elsewhere', () => {
    const fs = checkRemoteOnlyServices(ctxOf([clusterOf('client', vs), clusterOf('server', svc)]));
    expect(fs.map((f) => [f.code, f.clusters])).toEqual([['MG0015', ['client', 'server']]]);
  });

  it('is quiet when the client cluster has the Service too', () => {
    expect(checkRemoteOnlyServices(ctxOf([clusterOf('client', svc + vs), clusterOf('server', svc)]))).toEqual([]);
  });
});
