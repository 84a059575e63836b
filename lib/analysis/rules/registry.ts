import type { AnalysisContext } from '../context';
import type { Finding } from '../types';
import { checkUnknownAnnotations } from './istio/annotations';
import { checkConflictingGateways } from './istio/conflicting-gateways';
import { checkDestinationRuleSubsets } from './istio/dr-subsets';
import { checkDestinationRuleTls } from './istio/dr-tls';
import { checkGatewayPorts } from './istio/gateway-ports';
import { checkMeshGatewayHosts } from './istio/mesh-gateway-hosts';
import { checkMultiClusterServices } from './istio/multicluster-service';
import { checkPortNames } from './istio/port-name';
import { checkSchemas } from './istio/schema';
import { checkVirtualServiceDestinations } from './istio/vs-destinations';
import { checkVirtualServiceGateways } from './istio/vs-gateways';
import { checkVirtualServiceMatches } from './istio/vs-matches';
import { checkDiscoverySymmetry, checkRemoteSecretsSynced } from './mesh/discovery';
import { checkTrafficPolicyRegions } from './mesh/gtp';
import { checkDuplicateClusterNames, checkMeshIdentity } from './mesh/identity';
import { checkCrossNetworkGateway, checkEastWestGateways, checkNetworkLabels } from './mesh/networks';
import { checkRemoteOnlyServices } from './mesh/remote-services';
import { checkSubsetSpread } from './mesh/subset-spread';
import { checkTelemetryClusterLabels } from './mesh/telemetry';
import { checkRootExpiry, checkSplitTrust } from './mesh/trust';
import { checkControlPlaneSkew, checkProxySkew, checkUnusedCanaries } from './mesh/versions';

/** A rule: the codes it may emit, whether it looks at one mesh or the whole fleet, and the check. */
export interface Rule {
  codes: readonly string[];
  scope: 'mesh' | 'fleet';
  run(ctx: AnalysisContext): Finding[];
}

/** Every rule, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  { codes: ['IST0101', 'IST0112'], scope: 'mesh', run: checkVirtualServiceDestinations },
  { codes: ['IST0101', 'IST0132'], scope: 'mesh', run: checkVirtualServiceGateways },
  { codes: ['IST0101', 'IST0162'], scope: 'mesh', run: checkGatewayPorts },
  { codes: ['IST0106'], scope: 'mesh', run: checkSchemas },
  { codes: ['IST0108'], scope: 'mesh', run: checkUnknownAnnotations },
  { codes: ['IST0109'], scope: 'mesh', run: checkMeshGatewayHosts },
  { codes: ['IST0118'], scope: 'mesh', run: checkPortNames },
  { codes: ['IST0128', 'IST0129'], scope: 'mesh', run: checkDestinationRuleTls },
  { codes: ['IST0130', 'IST0131'], scope: 'mesh', run: checkVirtualServiceMatches },
  { codes: ['IST0145'], scope: 'mesh', run: checkConflictingGateways },
  { codes: ['IST0170'], scope: 'mesh', run: checkMultiClusterServices },
  { codes: ['IST0173', 'IST0174'], scope: 'mesh', run: checkDestinationRuleSubsets },
  { codes: ['MG0001'], scope: 'mesh', run: checkSplitTrust },
  { codes: ['MG0002'], scope: 'mesh', run: checkRootExpiry },
  { codes: ['MG0003', 'MG0004'], scope: 'mesh', run: checkNetworkLabels },
  { codes: ['MG0005', 'MG0006'], scope: 'mesh', run: checkEastWestGateways },
  { codes: ['MG0007'], scope: 'mesh', run: checkCrossNetworkGateway },
  { codes: ['MG0008'], scope: 'mesh', run: checkDiscoverySymmetry },
  { codes: ['MG0009'], scope: 'mesh', run: checkRemoteSecretsSynced },
  { codes: ['MG0010'], scope: 'fleet', run: checkMeshIdentity },
  { codes: ['MG0011'], scope: 'fleet', run: checkDuplicateClusterNames },
  { codes: ['MG0012'], scope: 'mesh', run: checkControlPlaneSkew },
  { codes: ['MG0013'], scope: 'mesh', run: checkProxySkew },
  { codes: ['MG0014'], scope: 'mesh', run: checkUnusedCanaries },
  { codes: ['MG0015'], scope: 'mesh', run: checkRemoteOnlyServices },
  { codes: ['MG0016'], scope: 'mesh', run: checkTrafficPolicyRegions },
  { codes: ['MG0017'], scope: 'mesh', run: checkSubsetSpread },
  { codes: ['MG0018'], scope: 'fleet', run: checkTelemetryClusterLabels },
];
