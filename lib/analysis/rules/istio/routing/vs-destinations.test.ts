import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkVirtualServiceDestinations } from './vs-destinations';

const svc = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}, {name: http-admin, port: 9081}]}
`;
const vs = (dest: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec: {hosts: [reviews], http: [{route: [{destination: ${dest}}]}]}
`;

describe('checkVirtualServiceDestinations', () => {
  it('fires IST0101 for an unknown host, IST0112 without a port, IST0101 host:port for a wrong port', () => {
    expect(messages(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', vs('{host: nope}'))])))).toEqual(['IST0101 Referenced host not found: "nope"']);
    expect(messages(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', svc + vs('{host: reviews}'))])))).toEqual([
      'IST0112 This VirtualService routes to a service "reviews" that exposes multiple ports [9080 9081]. Specifying a port in the destination is required to disambiguate.',
    ]);
    expect(messages(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', svc + vs('{host: reviews, port: {number: 1}}'))])))).toEqual(['IST0101 Referenced host:port not found: "reviews:1"']);
  });

  it('is quiet when the host exists in another cluster of the mesh and the port is given', () => {
    const fs = checkVirtualServiceDestinations(ctxOf([clusterOf('c1', vs('{host: reviews.bookinfo.svc.cluster.local, port: {number: 9080}}')), clusterOf('c2', svc)]));
    expect(fs).toEqual([]);
  });
});

describe('checkVirtualServiceDestinations like Istio looks hosts up', () => {
  const hello = `apiVersion: v1
kind: Service
metadata: {name: hello, namespace: hello, annotations: {networking.istio.io/exportTo: "front,."}}
spec: {ports: [{name: http, port: 80}]}
`;
  const route = (ns: string, extra = '', dest = '{destination: {host: hello.hello.svc.cluster.local}}') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: ${ns}}
spec: {hosts: [hello], ${extra} http: [{route: [${dest}]}]}
`;

  it('fires IST0101 for a route without destination and for a host outside the VirtualService\'s exportTo', () => {
    expect(messages(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', hello + route('hello', '', '{}'))])))).toEqual(['IST0101 Referenced host not found: ""']);
    expect(messages(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', hello + route('hello', 'exportTo: [elsewhere],'))])))).toEqual([
      'IST0101 Referenced host not found: "hello.hello.svc.cluster.local"',
    ]);
  });

  it('is quiet in a namespace the Service is exported to', () => {
    expect(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', hello + route('front')), clusterOf('c2', '')]))).toEqual([]);
  });

  it('does not conclude a host is missing while a cluster of the mesh is incomplete', () => {
    expect(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', vs('{host: nope}')), clusterOf('c2', '', { complete: false })]))).toEqual([]);
  });
});

describe('checkVirtualServiceDestinations IST0140', () => {
  const ratings = `apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: default}
spec: {ports: [{name: http, port: 80}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: default}
spec: {hosts: [ratings], http: [{route: [{destination: {host: ratings, subset: v1}}]}]}
`;
  const ingress = (dest: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: edge, namespace: default}
spec: {hosts: [ratings.example.com], gateways: [istio-system/edge], http: [{route: [{destination: ${dest}}]}]}
`;

  it('fires when a gateway route without subset targets a host split by subset', () => {
    const fs = checkVirtualServiceDestinations(ctxOf([clusterOf('c1', ratings + ingress('{host: ratings}'))]));
    expect(messages(fs)).toEqual(['IST0140 Subset in virtual service default/ratings has no effect on ingress gateway default/edge requests']);
    expect(fs[0]!.objects[0]!.name).toBe('edge');
  });

  it('is quiet when the gateway route names a subset', () => {
    expect(checkVirtualServiceDestinations(ctxOf([clusterOf('c1', ratings + ingress('{host: ratings, subset: v1}'))]))).toEqual([]);
  });
});
