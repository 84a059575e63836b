import type { ParityArea } from './area';

/** Istio Gateways, Kubernetes Gateway API, VirtualServices bound to gateways. */
export const GATEWAYS_PARITY: ParityArea = {
  analyzers: [
    'gateway.IngressGatewayPortAnalyzer',
    'gateway.SecretAnalyzer',
    'gateway.CertificateAnalyzer',
    'gateway.ConflictingGatewayAnalyzer',
    'k8sgateway.SelectorAnalyzer',
    'k8sgateway.CRDVersionAnalyzer',
    'virtualservice.GatewayAnalyzer',
  ],
  exceptions: {},
  unimplemented: {},
};
