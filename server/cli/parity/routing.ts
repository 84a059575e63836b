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
  exceptions: {
    'virtualServiceConflictingMeshGatewayHosts [virtualservice_conflictingmeshgatewayhosts.yaml]': 'not implemented yet',
    'virtualServiceConflictingMeshGatewayHostsWithExportTo [virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml]': 'not implemented yet',
    'virtualServiceDestinationHosts [virtualservice_destinationhosts.yaml]': 'not implemented yet',
    'virtualServiceDestinationRules [virtualservice_destinationrules.yaml]': 'not implemented yet',
    'virtualServiceJWTClaimRoute [virtualservice_jwtclaimroute.yaml]': 'not implemented yet',
    'unknown service registry in mesh networks [multicluster-unknown-serviceregistry.yaml]': 'not implemented yet',
    'destinationrule with credentialname, simple at destinationlevel, workloadSelector [destinationrule-simple-destination-credentialname-selector.yaml]': 'not implemented yet',
    'destinationrule with credentialname, simple at portlevel, workloadSelector [destinationrule-simple-port-credentialname-selector.yaml]': 'not implemented yet',
    'dupmatches [virtualservice_dupmatches.yaml, virtualservice_overlappingmatches.yaml]': 'not implemented yet',
    'Route Rule no effect on Ingress [virtualservice_route_rule_no_effects_ingress.yaml]': 'not implemented yet',
  },
  unimplemented: {
    IST0126: 'not implemented yet',
    IST0140: 'not implemented yet',
    IST0149: 'not implemented yet',
  },
};
