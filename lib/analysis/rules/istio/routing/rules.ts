import { DR, SE, VS, istioAnalyzer, type Rule } from '../../rule';
import { checkDestinationRuleSubsetsIn } from '../dr-subsets';
import { checkDestinationRuleTlsIn } from '../dr-tls';
import { checkMeshGatewayHostsIn } from '../mesh-gateway-hosts';
import { checkMultiClusterServices, multiClusterServiceUnits } from '../multicluster-service';
import { checkVirtualServiceDestinationsIn } from '../vs-destinations';
import { checkVirtualServiceMatchesIn } from '../vs-matches';

/** VirtualServices, DestinationRules, multicluster services and mesh networks. */
export const ROUTING_RULES: readonly Rule[] = [
  istioAnalyzer('virtualservice.DestinationHostAnalyzer', ['IST0101', 'IST0112'], checkVirtualServiceDestinationsIn, [VS, SE, 'services'], ['services']),
  istioAnalyzer('virtualservice.ConflictingMeshGatewayHostsAnalyzer', ['IST0109'], checkMeshGatewayHostsIn, [VS]),
  istioAnalyzer('destinationrule.CaCertificateAnalyzer', ['IST0128', 'IST0129'], checkDestinationRuleTlsIn, [DR]),
  istioAnalyzer('schema.ValidationAnalyzer.VirtualService', ['IST0130', 'IST0131'], checkVirtualServiceMatchesIn, [VS]),
  { codes: ['IST0170'], analyzer: 'multicluster.ServiceAnalyzer', scope: 'mesh', reads: ['services'], run: checkMultiClusterServices, units: multiClusterServiceUnits },
  istioAnalyzer('destinationrule.PodNotSelectedAnalyzer', ['IST0173', 'IST0174'], checkDestinationRuleSubsetsIn, [DR, SE, 'services', 'pods', 'nodes'], ['services', 'pods', 'nodes']),
];
