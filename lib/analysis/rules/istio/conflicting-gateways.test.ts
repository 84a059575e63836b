import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkConflictingGateways } from './conflicting-gateways';

const gw = (name: string, host: string, port = 80) => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: istio-system}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: ${port}, name: http, protocol: HTTP}, hosts: ["${host}"]}]}
`;

describe('checkConflictingGateways', () => {
  it('fires IST0145 for the same selector, port and overlapping hosts', () => {
    expect(messages(checkConflictingGateways(ctxOf([clusterOf('c', gw('a', '*.example.com') + gw('b', 'www.example.com'))])))).toEqual([
      'IST0145 Conflict with gateways istio-system/b (workload selector istio=ingressgateway, port 80, hosts *.example.com).',
      'IST0145 Conflict with gateways istio-system/a (workload selector istio=ingressgateway, port 80, hosts www.example.com).',
    ]);
  });

  it('is quiet for distinct hosts or ports', () => {
    expect(checkConflictingGateways(ctxOf([clusterOf('c', gw('a', 'a.example.com') + gw('b', 'b.example.com') + gw('d', 'a.example.com', 443))]))).toEqual([]);
  });
});
