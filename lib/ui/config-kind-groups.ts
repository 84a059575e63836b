/**
 * The API group of each config kind Meshglass watches (Istio, Gateway API and
 * Admiral). Findings name objects by kind only; the config browser's compare
 * view needs the group to pick "the same object" in every cluster. `Gateway`
 * is Istio's here, though the Gateway API has one too: see AMBIGUOUS_KINDS.
 */
export const CONFIG_KIND_GROUPS: Readonly<Record<string, string>> = {
  VirtualService: 'networking.istio.io',
  DestinationRule: 'networking.istio.io',
  Gateway: 'networking.istio.io',
  ServiceEntry: 'networking.istio.io',
  Sidecar: 'networking.istio.io',
  WorkloadEntry: 'networking.istio.io',
  WorkloadGroup: 'networking.istio.io',
  EnvoyFilter: 'networking.istio.io',
  ProxyConfig: 'networking.istio.io',
  AuthorizationPolicy: 'security.istio.io',
  PeerAuthentication: 'security.istio.io',
  RequestAuthentication: 'security.istio.io',
  Telemetry: 'telemetry.istio.io',
  WasmPlugin: 'extensions.istio.io',
  HTTPRoute: 'gateway.networking.k8s.io',
  GRPCRoute: 'gateway.networking.k8s.io',
  TCPRoute: 'gateway.networking.k8s.io',
  TLSRoute: 'gateway.networking.k8s.io',
  ReferenceGrant: 'gateway.networking.k8s.io',
  BackendTLSPolicy: 'gateway.networking.k8s.io',
  GlobalTrafficPolicy: 'admiral.io',
  Dependency: 'admiral.io',
  DependencyProxy: 'admiral.io',
  OutlierDetection: 'admiral.io',
  RoutingPolicy: 'admiral.io',
};

/** Kinds more than one watched group defines (Istio's and the Gateway API's Gateway): a kind alone does not pick the object. */
export const AMBIGUOUS_KINDS: ReadonlySet<string> = new Set(['Gateway']);
