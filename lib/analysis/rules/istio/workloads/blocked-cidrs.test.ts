import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkBlockedCidrsIn } from './blocked-cidrs';

const FILES = { defaultResources: false };
const ra = (name: string, namespace = 'shop') => `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: ${name}, namespace: ${namespace}}
spec: {jwtRules: [{issuer: "https://issuer.example", jwksUri: "https://issuer.example/jwks"}]}
---
`;
const istiod = (env = '[]') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
spec: {template: {metadata: {labels: {app: istiod}}, spec: {containers: [{name: discovery, image: pilot:1.31.0, env: ${env}}]}}}
---
`;
const run = (c: ClusterView) => messages(checkBlockedCidrsIn(ctxOf([c]), c));

describe('authn.BlockedCIDRsAnalyzer', () => {
  it('fires IST0175 on istiod without BLOCKED_CIDRS_IN_JWKS_URIS when RequestAuthentications exist', () => {
    const c = clusterOf('c', ra('b') + ra('a', 'web') + istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: ""}]'), {}, FILES);
    expect(run(c)).toEqual(['IST0175 BLOCKED_CIDRS_IN_JWKS_URIS is not configured but 2 RequestAuthentication resource(s) exist (shop/b, web/a). Consider configuring it to restrict JWKS URI fetches to trusted networks.']);
  });

  it('lists five names and counts the rest', () => {
    const c = clusterOf('c', ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => ra(n)).join('') + istiod(), {}, FILES);
    expect(run(c)[0]).toContain('7 RequestAuthentication resource(s) exist (shop/a, shop/b, shop/c, shop/d, shop/e, and 2 more)');
  });

  it('is quiet when the variable is set, without RequestAuthentications, or without the Deployment spec', () => {
    expect(run(clusterOf('c', ra('a') + istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: "10.0.0.0/8"}]'), {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', istiod(), {}, FILES))).toEqual([]);
    const files = clusterOf('c', ra('a') + istiod(), {}, FILES);
    expect(run({ ...files, deployments: [...files.deployments].map((d) => ({ ...d, spec: undefined })) })).toEqual([]);
  });
});
