import type { ParityArea } from './area';
import { GATEWAYS_PARITY } from './gateways';
import { META_PARITY } from './meta';
import { POLICY_PARITY } from './policy';
import { ROUTING_PARITY } from './routing';
import { WORKLOADS_PARITY } from './workloads';

/** Every area of Istio's analyzers, with where Meshglass stands. */
export const PARITY_AREAS: Readonly<Record<string, ParityArea>> = {
  meta: META_PARITY,
  workloads: WORKLOADS_PARITY,
  gateways: GATEWAYS_PARITY,
  routing: ROUTING_PARITY,
  policy: POLICY_PARITY,
};

/**
 * Catalogue codes no analyzer of the vendored release emits, and why
 * (retired, internal, or emitted by istiod itself rather than by analysis).
 */
export const NOT_ANALYZER_CODES: Readonly<Record<string, string>> = {
  IST0001: 'an error inside istioctl itself, not a finding about configuration',
  IST0141: "emitted by `istioctl x precheck` (RBAC of the installing user), not by analyze",
  IST0142: "emitted by `istioctl x precheck` (the cluster's Kubernetes version), not by analyze",
  IST0143: "emitted by `istioctl x precheck` (listeners on localhost, read from running proxies), not by analyze",
  IST0156: "emitted by `istioctl x precheck` (installed Gateway API CRD version), not by analyze",
  IST0172: "emitted by `istioctl x precheck` (installed Gateway API CRD version), not by analyze",
  IST0168: "emitted by `istioctl x precheck` across an upgrade, not by analyze",
  IST0169: "emitted by `istioctl x precheck` across an upgrade, not by analyze",
};
