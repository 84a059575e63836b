import { GW, VS, istioAnalyzer, type Rule } from '../../rule';
import { checkConflictingGatewaysIn } from '../conflicting-gateways';
import { checkGatewayPortsIn } from '../gateway-ports';
import { checkVirtualServiceGatewaysIn } from '../vs-gateways';

/** Istio Gateways, Kubernetes Gateway API, VirtualServices bound to gateways. */
export const GATEWAY_RULES: readonly Rule[] = [
  istioAnalyzer('virtualservice.GatewayAnalyzer', ['IST0101', 'IST0132'], checkVirtualServiceGatewaysIn, [VS, GW]),
  istioAnalyzer('gateway.IngressGatewayPortAnalyzer', ['IST0101', 'IST0162'], checkGatewayPortsIn, [GW, 'pods', 'services']),
  istioAnalyzer('gateway.ConflictingGatewayAnalyzer', ['IST0145'], checkConflictingGatewaysIn, [GW]),
];
