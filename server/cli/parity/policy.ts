import type { ParityArea } from './area';

/** EnvoyFilters, Telemetry, Sidecars, AuthorizationPolicies, ServiceEntries. */
export const POLICY_PARITY: ParityArea = {
  analyzers: [
    'envoyfilter.EnvoyPatchAnalyzer',
    'telemetry.ProviderAnalyzer',
    'telemetry.SelectorAnalyzer',
    'telemetry.DefaultSelectorAnalyzer',
    'telemetry.LightstepAnalyzer',
    'sidecar.SelectorAnalyzer',
    'authz.AuthorizationPoliciesAnalyzer',
    'serviceentry.ProtocolAddressesAnalyzer',
    'serviceentry.ConflictingServiceEntryProtocolAnalyzer',
  ],
  exceptions: {},
  unimplemented: {},
};
