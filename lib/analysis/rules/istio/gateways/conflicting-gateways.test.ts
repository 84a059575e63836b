import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkConflictingGateways } from './conflicting-gateways';

const gw = (name: string, host: string, { port = 80, selector = '{istio: ingressgateway}' } = {}) => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: edge}
spec: {selector: ${selector}, servers: [{port: {number: ${port}, name: http, protocol: HTTP}, hosts: ["${host}"]}]}
`;
const pod = (labels: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: gw-pod, namespace: edge, labels: ${labels}}
`;
const run = (yaml: string) => messages(checkConflictingGateways(ctxOf([clusterOf('c', yaml, {}, {})])));

describe('checkConflictingGateways', () => {
  it('fires IST0145 for the same selector, port and host', () => {
    expect(run(gw('a', 'shop.example.com') + gw('b', 'shop.example.com'))).toEqual([
      'IST0145 Conflict with gateways edge/b (workload selector istio=ingressgateway, port 80, hosts shop.example.com).',
      'IST0145 Conflict with gateways edge/a (workload selector istio=ingressgateway, port 80, hosts shop.example.com).',
    ]);
  });

  it('fires IST0145 when one selector narrows the other and a pod carries both', () => {
    const narrow = '{istio: ingressgateway, tier: public}';
    expect(run(gw('a', 'shop.example.com') + gw('b', 'shop.example.com', { selector: narrow }) + pod('{istio: ingressgateway, tier: public}'))).toHaveLength(2);
  });

  it('fires IST0101 for a Gateway without servers whose selector no other Gateway shares', () => {
    const empty = `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: idle, namespace: edge}
spec: {selector: {istio: nowhere}}
`;
    expect(run(empty)).toEqual(['IST0101 Referenced selector not found: "istio=nowhere"']);
  });

  it('is quiet for distinct hosts or ports, overlapping wildcards, and narrowed selectors with no pod', () => {
    expect(run(gw('a', 'a.example.com') + gw('b', 'b.example.com') + gw('d', 'a.example.com', { port: 443 }))).toEqual([]);
    // Istio compares server hosts as written.
    expect(run(gw('a', '*.example.com') + gw('b', 'www.example.com'))).toEqual([]);
    expect(run(gw('a', 'shop.example.com') + gw('b', 'shop.example.com', { selector: '{istio: ingressgateway, tier: public}' }))).toEqual([]);
  });
});
