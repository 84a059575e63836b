import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { checkConflictingGateways } from '@/lib/analysis/rules/istio/gateways/conflicting-gateways';
import { checkMeshGatewayHosts } from '@/lib/analysis/rules/istio/routing/mesh-gateway-hosts';
import { clusterOf, ctxOf } from '@/lib/analysis/test-helpers';
import type { Finding } from '@/lib/analysis/types';
import { FleetModel } from '../fleet/model';
import type { VisibilityScope } from '../fleet/scope';
import { getFindings } from './findings';

const onlyShop: VisibilityScope = { kind: 'grants', grants: [{ workspace: 'shop', role: 'viewer', selectors: [parseSelector('c1/shop')] }] };

const vs = (ns: string, name: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec: {hosts: ['reviews.shop.svc.cluster.local'], http: [{route: [{destination: {host: reviews.shop.svc.cluster.local}}]}]}
`;
const gw = (ns: string, name: string) => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]}
`;

function visibleTo(scope: VisibilityScope, findings: Finding[]): Finding[] {
  return getFindings(new FleetModel(), { findings }, scope, { page: 1, pageSize: 100 }).data.items;
}

describe('getFindings', () => {
  it('hides a finding whose message names an object outside the scope, though its subject is inside', () => {
    const findings = checkMeshGatewayHosts(ctxOf([clusterOf('c1', vs('shop', 'mine') + vs('secret-team', 'theirs'))]));
    expect(findings).toHaveLength(2);
    expect(findings.map((f) => f.message).join()).toContain('secret-team/theirs');
    expect(visibleTo(onlyShop, findings)).toEqual([]);
  });

  it('still shows it when every object it names is in scope', () => {
    const findings = checkMeshGatewayHosts(ctxOf([clusterOf('c1', vs('shop', 'a') + vs('shop', 'b'))]));
    expect(visibleTo(onlyShop, findings)).toHaveLength(2);
  });

  it('hides IST0145 that names a conflicting Gateway of another namespace', () => {
    const findings = checkConflictingGateways(ctxOf([clusterOf('c1', gw('shop', 'web') + gw('secret-team', 'edge'))]));
    expect(findings.map((f) => f.code)).toEqual(['IST0145', 'IST0145']);
    expect(visibleTo(onlyShop, findings)).toEqual([]);
  });
});
