import type { Rule } from '../../rule';

/** EnvoyFilters, Telemetry, Sidecars, authorization and authentication policy, ServiceEntries. */
export const POLICY_RULES: readonly Rule[] = [];
