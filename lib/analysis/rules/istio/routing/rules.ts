import { DR, GW, SE, VS, istioAnalyzer, type Rule } from '../../rule';
import { checkDestinationRuleSubsetsIn } from './dr-subsets';
import { checkDestinationRuleTlsIn } from './dr-tls';
import { checkMeshGatewayHostsIn } from './mesh-gateway-hosts';
import { checkMultiClusterServices, multiClusterServiceUnits } from './multicluster-service';
import { checkVirtualServiceDestinationsIn } from './vs-destinations';
import { checkVirtualServiceMatchesIn } from './vs-matches';
import { checkJwtClaimRoutesIn } from './jwt-claim-route';
import { checkMeshNetworksIn } from './mesh-networks';
import { checkVirtualServiceSubsetsIn } from './vs-destination-rules';

/** VirtualServices, DestinationRules, multicluster services and mesh networks. */
export const ROUTING_RULES: readonly Rule[] = [
  istioAnalyzer('virtualservice.DestinationHostAnalyzer', ['IST0101', 'IST0112', 'IST0140'], checkVirtualServiceDestinationsIn, [VS, SE, 'services'], ['services']),
  istioAnalyzer('virtualservice.DestinationRuleAnalyzer', ['IST0101'], checkVirtualServiceSubsetsIn, [VS, DR]),
  istioAnalyzer('virtualservice.JWTClaimRouteAnalyzer', ['IST0149'], checkJwtClaimRoutesIn, [VS, GW, 'config:RequestAuthentication', 'pods']),
  istioAnalyzer('virtualservice.ConflictingMeshGatewayHostsAnalyzer', ['IST0109'], checkMeshGatewayHostsIn, [VS]),
  istioAnalyzer('destinationrule.CaCertificateAnalyzer', ['IST0128', 'IST0129'], checkDestinationRuleTlsIn, [DR]),
  istioAnalyzer('schema.ValidationAnalyzer.VirtualService', ['IST0130', 'IST0131'], checkVirtualServiceMatchesIn, [VS]),
  { codes: ['IST0170'], analyzer: 'multicluster.ServiceAnalyzer', scope: 'mesh', reads: ['services'], run: checkMultiClusterServices, units: multiClusterServiceUnits },
  istioAnalyzer('multicluster.MeshNetworksAnalyzer', ['IST0126'], checkMeshNetworksIn, ['secrets']),
  istioAnalyzer('destinationrule.PodNotSelectedAnalyzer', ['IST0173', 'IST0174'], checkDestinationRuleSubsetsIn, [DR, SE, 'services', 'pods', 'nodes'], ['services', 'pods', 'nodes']),
];
