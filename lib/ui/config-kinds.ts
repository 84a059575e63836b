import { GATEWAY_API_GROUP } from '@/lib/fleet/config-status';

/** One choice of the config browser's kind filter: `value` is what the API's `kind=` takes. */
export interface KindOption {
  value: string;
  label: string;
}

/**
 * The kind filter's choices by family. Both Istio and the Gateway API define
 * `Gateway`, so those two go as `Kind.group` (the API matches that form); the
 * bare `Gateway` of older links still selects both.
 */
export const CONFIG_KIND_FAMILIES: readonly { label: string; kinds: readonly KindOption[] }[] = [
  {
    label: 'Istio',
    kinds: ['VirtualService', 'DestinationRule', 'Gateway.networking.istio.io', 'ServiceEntry', 'Sidecar', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'EnvoyFilter', 'WorkloadEntry'].map(option),
  },
  { label: 'Gateway API', kinds: [`Gateway.${GATEWAY_API_GROUP}`, 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'ReferenceGrant'].map(option) },
  { label: 'Admiral', kinds: ['GlobalTrafficPolicy', 'Dependency'].map(option) },
];

/** A filter value in words: 'Gateway (Gateway API)', 'Gateway (Istio)', 'Gateway (Istio and Gateway API)'. */
export function kindLabel(value: string): string {
  const dot = value.indexOf('.');
  const kind = dot < 0 ? value : value.slice(0, dot);
  const group = dot < 0 ? '' : value.slice(dot + 1);
  if (kind !== 'Gateway') return value;
  if (group === GATEWAY_API_GROUP) return 'Gateway (Gateway API)';
  if (group === 'networking.istio.io') return 'Gateway (Istio)';
  return group ? value : 'Gateway (Istio and Gateway API)';
}

function option(value: string): KindOption {
  return { value, label: kindLabel(value) };
}

/** Whether a value is one of the choices (a hand-written URL may carry another). */
export const isListedKind = (value: string) => CONFIG_KIND_FAMILIES.some((f) => f.kinds.some((k) => k.value === value));
