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
  exceptions: {},
  unimplemented: {
    IST0133: 'not implemented yet',
  },
};
