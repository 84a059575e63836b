import { istioAnalyzer, VS, type Rule } from '../../rule';
import { ALPHA_ANALYZER, checkAlphaAnnotationsIn } from './alpha-annotations';
import { checkNegativeConditionsIn } from './conditions';
import { checkDeprecatedFieldsIn } from './deprecated-fields';
import { checkExternalControlPlaneIn } from './external-control-plane';
import { checkK8sAnnotationsIn } from './k8s-annotations';
import { checkSchemaWarningsIn } from './schema';
import { checkWebhooksIn } from './webhooks';

const ANNOTATED = ['namespaces', 'services', 'pods', 'deployments'] as const;

/** Annotations, deprecation, maturity, webhooks, external control plane, conditions. */
export const META_RULES: readonly Rule[] = [
  istioAnalyzer('annotations.K8sAnalyzer', ['IST0108', 'IST0135', 'IST0107', 'IST0125'], checkK8sAnnotationsIn, ANNOTATED),
  istioAnalyzer(ALPHA_ANALYZER, ['IST0136'], checkAlphaAnnotationsIn, ANNOTATED),
  istioAnalyzer('deprecation.FieldAnalyzer', ['IST0002'], checkDeprecatedFieldsIn, [VS, 'config:Sidecar', 'resources']),
  istioAnalyzer('externalcontrolplane.ExternalControlPlaneAnalyzer', ['IST0163', 'IST0164'], checkExternalControlPlaneIn, ['resources']),
  istioAnalyzer('webhook.Analyzer', ['IST0139'], checkWebhooksIn, ['resources', 'services']),
  istioAnalyzer('conditions.ConditionAnalyzer', ['IST0171'], checkNegativeConditionsIn, [
    'services', 'config:ServiceEntry', 'config:WorkloadEntry', 'config:AuthorizationPolicy', 'config:Gateway', 'config:HTTPRoute', 'config:GRPCRoute',
  ]),
  // IST0106 of the same analyzer is registered with the rules it runs beside (registry.ts).
  istioAnalyzer('schema.ValidationAnalyzer', ['IST0133'], checkSchemaWarningsIn, ['config']),
];
