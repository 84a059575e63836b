import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkJwtClaimRoutesIn, isClaimHeader } from './jwt-claim-route';

const gateway = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: web}
spec: {selector: {app: edge}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: edge-1, namespace: web, labels: {app: edge}}
spec: {containers: [{name: istio-proxy}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: web}
spec:
  hosts: [shop.example.com]
  gateways: [edge]
  http: [{match: [{headers: {"@request.auth.claims.group": {exact: admin}}}], route: [{destination: {host: shop}}]}]
`;
const authn = (ns: string, labels: string) => `---
apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt, namespace: ${ns}}
spec: {selector: {matchLabels: ${labels}}, jwtRules: [{issuer: me}]}
`;
const run = (yaml: string, over = {}) => {
  const c = clusterOf('c1', yaml, over, {});
  return checkJwtClaimRoutesIn(ctxOf([c]), c);
};

describe('checkJwtClaimRoutesIn', () => {
  it('fires IST0149 for each gateway pod no RequestAuthentication selects', () => {
    expect(messages(run(gateway + authn('web', '{app: other}')))).toEqual([
      'IST0149 The virtual service uses the JWT claim based routing (key: @request.auth.claims.group) but found no request authentication for the gateway (web/edge) pod (edge-1). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing.',
    ]);
  });

  it('is quiet with a RequestAuthentication in the pod\'s namespace or istio-system, or on a cluster not fully read', () => {
    expect(run(gateway + authn('web', '{app: edge}'))).toEqual([]);
    expect(run(gateway + authn('istio-system', '{}'))).toEqual([]);
    expect(run(gateway, { complete: false })).toEqual([]);
  });

  it('recognises claim headers in both notations', () => {
    expect(['@request.auth.claims.sub', '@Request.Auth.Claims[a][b]', '@request.auth.claims', '@request.auth.claims.', 'x-user'].map(isClaimHeader)).toEqual([true, true, false, false, false]);
  });
});
