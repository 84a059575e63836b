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
    'gatewayCustomIngressGatewayTranslation [gateway-custom-ingressgateway-translation.yaml]': 'not implemented yet',
    'gatewaySecret [gateway-secrets.yaml]': 'not implemented yet',
    'gatewaySecretValidations [gateway-secrets-validation.yaml]': 'not implemented yet',
    'conflicting gateways detect by sub selector [conflicting-gateways-subSelector.yaml]': 'not implemented yet',
    'virtualServiceInternalGatewayRef [virtualservice_internal_gateway_ref.yaml]': 'not implemented yet',
    'certificate duplication in Gateway [gateway-duplicate-certificate.yaml]': 'not implemented yet',
    'KubernetesGatewaySelector [k8sgateway-selector.yaml]': 'not implemented yet',
    'GatewayAPICRDVersionBelowMinimum [gateway-api-crd-version-old.yaml]': 'not implemented yet',
  },
  unimplemented: {
    IST0138: 'not implemented yet',
    IST0161: 'not implemented yet',
    IST0165: 'not implemented yet',
    IST0166: 'not implemented yet',
    IST0176: 'not implemented yet',
  },
};
