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
  exceptions: {
    'gatewaySecretValidations [gateway-secrets-validation.yaml]':
      'Istio decodes the credential\'s PEM and checks the certificate\'s validity dates; analysis views keep only a Secret\'s key names, never its values, so Meshglass flags the secrets missing tls.crt/tls.key (or cert/key) but not defaultgateway-invalid-keys (values that are not PEM) or defaultgateway-expired (an expired certificate)',
  },
  unimplemented: {},
};
