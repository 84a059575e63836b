import type { ParityArea } from './area';

/** VirtualServices, DestinationRules, multicluster. */
export const ROUTING_PARITY: ParityArea = {
  analyzers: [
    'virtualservice.DestinationHostAnalyzer',
    'virtualservice.DestinationRuleAnalyzer',
    'virtualservice.JWTClaimRouteAnalyzer',
    'virtualservice.ConflictingMeshGatewayHostsAnalyzer',
    'schema.ValidationAnalyzer.VirtualService',
    'destinationrule.CaCertificateAnalyzer',
    'destinationrule.PodNotSelectedAnalyzer',
    'multicluster.ServiceAnalyzer',
    'multicluster.MeshNetworksAnalyzer',
  ],
  exceptions: {},
  unimplemented: {},
};
