import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkCrossNetworkGateway, checkEastWestGateways, checkNetworkLabels } from './networks';

const ew = (addr: string) => `apiVersion: v1
kind: Service
metadata: {name: istio-eastwestgateway, namespace: istio-system, labels: {istio: eastwestgateway, topology.istio.io/network: NET}}
spec: {type: LoadBalancer, selector: {istio: eastwestgateway}, ports: [{name: tls, port: 15443}]}
${addr ? `status: {loadBalancer: {ingress: [{ip: ${addr}}]}}` : ''}
`;
const crossGw = `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: cross-network-gateway, namespace: istio-system}
spec: {selector: {istio: eastwestgateway}, servers: [{port: {number: 15443, name: tls, protocol: TLS}, tls: {mode: AUTO_PASSTHROUGH}, hosts: ["*.local"]}]}
`;
const cl = (name: string, yaml: string, network: string | undefined) => clusterOf(name, yaml.replace(/NET/g, network ?? ''), { network });
const codes = (fs: Array<{ code: string }>) => fs.map((f) => f.code);

describe('network rules', () => {
  it('MG0003/MG0004: a cluster without network label, and a gateway labelled for another network', () => {
    const bad = clusterOf('c', ew('1.1.1.1').replace('NET', 'net-x'), { network: 'net-c' });
    expect(codes(checkNetworkLabels(ctxOf([cl('a', ew('1.1.1.1'), 'net-a'), cl('b', '', 'net-b'), cl('d', '', undefined), bad])))).toEqual(['MG0003', 'MG0004']);
  });

  it('MG0005/MG0006: missing east-west gateway, and one without address (istiod\'s words in the message)', () => {
    const fs = checkEastWestGateways(ctxOf([cl('a', ew(''), 'net-a'), cl('b', '', 'net-b')]));
    expect(codes(fs)).toEqual(['MG0006', 'MG0005']);
    expect(fs[0]!.message).toContain('The address of the gateway for the remote network cannot be determined');
  });

  it('MG0007: east-west gateway without the AUTO_PASSTHROUGH Gateway', () => {
    expect(codes(checkCrossNetworkGateway(ctxOf([cl('a', ew('1.1.1.1'), 'net-a'), cl('b', ew('2.2.2.2') + crossGw, 'net-b')])))).toEqual(['MG0007']);
  });

  it('is quiet for a well-formed multi-network mesh, and for single-network meshes', () => {
    const ok = [cl('a', ew('1.1.1.1') + crossGw, 'net-a'), cl('b', ew('2.2.2.2') + crossGw, 'net-b')];
    for (const check of [checkNetworkLabels, checkEastWestGateways, checkCrossNetworkGateway]) {
      expect(check(ctxOf(ok))).toEqual([]);
      expect(check(ctxOf([cl('a', '', 'n'), cl('b', '', undefined)]))).toEqual([]);
    }
  });
});
