import { describe, expect, it } from 'vitest';
import { CONFIG_KIND_FAMILIES, isListedKind, kindLabel } from './config-kinds';

describe('config kind filter', () => {
  it('offers both Gateways, told apart by group, and the Gateway API routes', () => {
    const gatewayApi = CONFIG_KIND_FAMILIES.find((f) => f.label === 'Gateway API')!;
    expect(gatewayApi.kinds.map((k) => k.value)).toEqual(['Gateway.gateway.networking.k8s.io', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'ReferenceGrant']);
    expect(gatewayApi.kinds[0]!.label).toBe('Gateway (Gateway API)');
    expect(CONFIG_KIND_FAMILIES[0]!.kinds.find((k) => k.value.startsWith('Gateway'))!.label).toBe('Gateway (Istio)');
  });

  it('names a bare Gateway as both, and knows which values it lists', () => {
    expect(kindLabel('Gateway')).toBe('Gateway (Istio and Gateway API)');
    expect(kindLabel('HTTPRoute')).toBe('HTTPRoute');
    expect(isListedKind('HTTPRoute')).toBe(true);
    expect(isListedKind('Gateway')).toBe(false);
  });
});
