import { SE, istioAnalyzer, type Rule } from '../../rule';
import { checkAuthorizationPoliciesIn } from './authorization-policies';
import { checkEnvoyPatchesIn } from './envoy-patch';
import { checkServiceEntryAddressesIn } from './serviceentry-addresses';
import { checkServiceEntryProtocolsIn } from './serviceentry-protocols';
import { checkSidecarSelectorsIn } from './sidecar-selector';
import { checkTelemetryDefaultSelectorsIn } from './telemetry-default-selector';
import { checkLightstepProvidersIn } from './telemetry-lightstep';
import { checkTelemetryProvidersIn } from './telemetry-providers';
import { checkTelemetrySelectorsIn } from './telemetry-selector';

const TELEMETRY = 'config:Telemetry';

/** EnvoyFilters, Telemetry, Sidecars, authorization and authentication policy, ServiceEntries. */
export const POLICY_RULES: readonly Rule[] = [
  istioAnalyzer('envoyfilter.EnvoyPatchAnalyzer', ['IST0151', 'IST0152', 'IST0153', 'IST0154', 'IST0155'], checkEnvoyPatchesIn, ['config:EnvoyFilter']),
  istioAnalyzer('telemetry.ProviderAnalyzer', ['IST0157'], checkTelemetryProvidersIn, [TELEMETRY]),
  istioAnalyzer('telemetry.SelectorAnalyzer', ['IST0101', 'IST0159'], checkTelemetrySelectorsIn, [TELEMETRY, 'pods'], ['pods']),
  istioAnalyzer('telemetry.DefaultSelectorAnalyzer', ['IST0160'], checkTelemetryDefaultSelectorsIn, [TELEMETRY]),
  istioAnalyzer('telemetry.LightstepAnalyzer', ['IST0002'], checkLightstepProvidersIn, [TELEMETRY]),
  istioAnalyzer('sidecar.SelectorAnalyzer', ['IST0101', 'IST0110', 'IST0111', 'IST0167'], checkSidecarSelectorsIn, ['config:Sidecar', 'pods', 'namespaces'], ['pods']),
  istioAnalyzer('authz.AuthorizationPoliciesAnalyzer', ['IST0101', 'IST0127'], checkAuthorizationPoliciesIn, ['config:AuthorizationPolicy', 'pods', 'namespaces'], ['pods', 'namespaces']),
  istioAnalyzer('serviceentry.ProtocolAddressesAnalyzer', ['IST0134'], checkServiceEntryAddressesIn, [SE]),
  istioAnalyzer('serviceentry.ConflictingServiceEntryProtocolAnalyzer', ['IST0177'], checkServiceEntryProtocolsIn, [SE]),
];
