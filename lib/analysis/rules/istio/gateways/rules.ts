import { GW, VS, istioAnalyzer, type Rule } from '../../rule';
import { checkConflictingGatewaysIn } from './conflicting-gateways';
import { checkGatewayApiCrdVersionsIn } from './gateway-api-crd-version';
import { checkGatewayCertificatesIn } from './gateway-certificates';
import { checkGatewayPortsIn } from './gateway-ports';
import { checkGatewaySecretsIn } from './gateway-secrets';
import { checkKubernetesGatewaySelectorsIn, SELECTOR_POLICY_KINDS } from './k8s-gateway-selector';
import { checkVirtualServiceGatewaysIn } from './vs-gateways';

/** Istio Gateways, Kubernetes Gateway API, VirtualServices bound to gateways. */
export const GATEWAY_RULES: readonly Rule[] = [
  istioAnalyzer('virtualservice.GatewayAnalyzer', ['IST0101', 'IST0132', 'IST0165'], checkVirtualServiceGatewaysIn, [VS, GW]),
  istioAnalyzer('gateway.IngressGatewayPortAnalyzer', ['IST0101', 'IST0162'], checkGatewayPortsIn, [GW, 'pods', 'services']),
  istioAnalyzer('gateway.SecretAnalyzer', ['IST0101', 'IST0161'], checkGatewaySecretsIn, [GW, 'pods', 'secrets']),
  istioAnalyzer('gateway.CertificateAnalyzer', ['IST0138'], checkGatewayCertificatesIn, [GW]),
  istioAnalyzer('gateway.ConflictingGatewayAnalyzer', ['IST0101', 'IST0145'], checkConflictingGatewaysIn, [GW, 'pods']),
  istioAnalyzer('k8sgateway.SelectorAnalyzer', ['IST0166'], checkKubernetesGatewaySelectorsIn, [...SELECTOR_POLICY_KINDS.map(([kind]) => `config:${kind}` as const), 'pods']),
  istioAnalyzer('k8sgateway.CRDVersionAnalyzer', ['IST0176'], checkGatewayApiCrdVersionsIn, ['resources']),
];
