import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
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
