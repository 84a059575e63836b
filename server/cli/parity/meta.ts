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
  // IST0133 covers the validation warnings decidable from one object (see meta/schema-warnings.ts);
  // those that need Envoy's protos (EnvoyFilter patch values) or deep traffic-policy checks are not emitted.
  unimplemented: {},
};
