import { istioAnalyzer, type Rule } from '../../rule';
import { checkPortNamesIn } from '../port-name';

/** Injection, deployments, service port names. */
export const WORKLOAD_RULES: readonly Rule[] = [
  istioAnalyzer('service.PortNameAnalyzer', ['IST0118'], checkPortNamesIn, ['services']),
];
