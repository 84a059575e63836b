import { istioAnalyzer, type Rule } from '../../rule';
import { checkUnknownAnnotationsIn } from '../annotations';

/** Annotations, deprecation, maturity, webhooks, external control plane, conditions. */
export const META_RULES: readonly Rule[] = [
  istioAnalyzer('annotations.K8sAnalyzer', ['IST0108'], checkUnknownAnnotationsIn, ['namespaces', 'services', 'pods', 'deployments']),
];
