import type { ParityArea } from './area';

/** Annotations, deprecation, maturity, webhooks, external control plane, conditions. */
export const META_PARITY: ParityArea = {
  analyzers: [
    'annotations.K8sAnalyzer',
    'maturity.AlphaAnalyzer',
    'deprecation.FieldAnalyzer',
    'externalcontrolplane.ExternalControlPlaneAnalyzer',
    'webhook.Analyzer',
    'conditions.ConditionAnalyzer',
  ],
  exceptions: {
    'misannoted [misannotated.yaml]': 'not implemented yet',
    'alpha [misannotated.yaml]': 'not implemented yet',
    'deprecation [deprecation.yaml]': 'not implemented yet',
    'externalControlPlaneMissingWebhooks [externalcontrolplane-missing-urls.yaml]': 'not implemented yet',
    'externalControlPlaneMissingWebhooks [externalcontrolplane-missing-urls-custom-ns.yaml]': 'not implemented yet',
    'externalControlPlaneUsingIpAddresses [externalcontrolplane-using-ip-addr.yaml]': 'not implemented yet',
    'webook [webhook.yaml]': 'not implemented yet',
    'Condition Analyzer [condition-analyzer.yaml]': 'not implemented yet',
  },
  unimplemented: {
    IST0002: 'not implemented yet',
    IST0107: 'not implemented yet',
    IST0125: 'not implemented yet',
    IST0133: 'not implemented yet',
    IST0135: 'not implemented yet',
    IST0136: 'not implemented yet',
    IST0139: 'not implemented yet',
    IST0163: 'not implemented yet',
    IST0164: 'not implemented yet',
    IST0171: 'not implemented yet',
  },
};
