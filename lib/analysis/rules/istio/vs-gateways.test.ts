import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkVirtualServiceGateways } from './vs-gateways';

const gw = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: bookinfo}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*.example.com"]}]}
`;
const vs = (host: string, gateway: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: bookinfo}
spec: {hosts: ["${host}"], gateways: [${gateway}], http: [{route: [{destination: {host: web}}]}]}
`;

describe('checkVirtualServiceGateways', () => {
  it('fires IST0101 for a missing gateway and IST0132 for a host the gateway does not serve', () => {
    expect(messages(checkVirtualServiceGateways(ctxOf([clusterOf('c1', vs('a.example.com', 'missing'))])))).toEqual([
      'IST0101 Referenced gateway not found: "missing"',
      'IST0132 one or more host [a.example.com] defined in VirtualService bookinfo/web not found in Gateway bookinfo/missing.',
    ]);
    expect(messages(checkVirtualServiceGateways(ctxOf([clusterOf('c1', gw + vs('a.other.org', 'gw'))])))).toEqual([
      'IST0132 one or more host [a.other.org] defined in VirtualService bookinfo/web not found in Gateway bookinfo/gw.',
    ]);
  });

  it('is quiet for a matching wildcard host and for mesh', () => {
    expect(checkVirtualServiceGateways(ctxOf([clusterOf('c1', gw + vs('a.example.com', 'bookinfo/gw, mesh'))]))).toEqual([]);
  });
});
