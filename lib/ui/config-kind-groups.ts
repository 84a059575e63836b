/**
 * The API group of each config kind Meshglass watches (Istio and Admiral).
 * Findings name objects by kind only; the config browser's compare view needs
 * the group to pick "the same object" in every cluster.
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
  GlobalTrafficPolicy: 'admiral.io',
  Dependency: 'admiral.io',
  DependencyProxy: 'admiral.io',
  OutlierDetection: 'admiral.io',
  RoutingPolicy: 'admiral.io',
};
