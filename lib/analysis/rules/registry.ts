import type { AnalysisContext } from '../context';
import type { ClusterView, Finding } from '../types';
import { clusterUnits, runUnits, type Input, type Unit } from '../units';
import { checkUnknownAnnotationsIn } from './istio/annotations';
import { checkConflictingGatewaysIn } from './istio/conflicting-gateways';
import { checkDestinationRuleSubsetsIn } from './istio/dr-subsets';
import { checkDestinationRuleTlsIn } from './istio/dr-tls';
import { checkGatewayPortsIn } from './istio/gateway-ports';
import { checkMeshGatewayHostsIn } from './istio/mesh-gateway-hosts';
import { checkMultiClusterServices, multiClusterServiceUnits } from './istio/multicluster-service';
import { checkPortNamesIn } from './istio/port-name';
import { checkSchemasIn } from './istio/schema';
import { checkVirtualServiceDestinationsIn } from './istio/vs-destinations';
import { checkVirtualServiceGatewaysIn } from './istio/vs-gateways';
import { checkVirtualServiceMatchesIn } from './istio/vs-matches';
import { checkDiscoverySymmetry, checkRemoteSecretsSyncedIn } from './mesh/discovery';
import { checkTrafficPolicyRegionsIn } from './mesh/gtp';
import { checkDuplicateClusterNames, checkMeshIdentity } from './mesh/identity';
import { checkCrossNetworkGatewayIn, checkEastWestGatewaysIn, checkNetworkLabelsIn } from './mesh/networks';
import { checkRemoteOnlyServicesIn } from './mesh/remote-services';
import { checkSubsetSpread, subsetSpreadUnits } from './mesh/subset-spread';
import { checkTelemetryClusterLabels } from './mesh/telemetry';
import { checkRootExpiry, checkSplitTrust } from './mesh/trust';
import { checkControlPlaneSkew, checkProxySkewIn, checkUnusedCanariesIn } from './mesh/versions';

/**
 * A rule: the codes it may emit, whether it looks at one mesh or the whole
 * fleet, what it reads, and the check, whole or in pieces.
 */
export interface Rule {
  codes: readonly string[];
  scope: 'mesh' | 'fleet';
  /** The objects it reads of any cluster (and every rule reads the clusters' state): a change to anything else leaves its findings as they were. */
  reads: readonly Input[];
  run(ctx: AnalysisContext): Finding[];
  /** The check in pieces a sliced run can yield between; their findings, in order, equal run(ctx). Absent: one piece. */
  units?(ctx: AnalysisContext): Iterable<Unit>;
  /**
   * Set when each piece checks one cluster's objects (Unit.cluster): what a
   * piece reads of the other clusters. A change in one cluster outside these
   * re-runs only that cluster's piece.
   */
  meshReads?: readonly Input[];
}

/** A rule checked a cluster at a time. */
function perCluster(codes: readonly string[], check: (ctx: AnalysisContext, c: ClusterView) => Finding[], reads: readonly Input[], meshReads: readonly Input[] = []): Rule {
  return { codes, scope: 'mesh', reads, meshReads, run: (ctx) => runUnits(clusterUnits(ctx, check)), units: (ctx) => clusterUnits(ctx, check) };
}

/** The rule's pieces (one when it has no units). */
export function ruleUnits(rule: Rule, ctx: AnalysisContext): Iterable<Unit> {
  return rule.units ? rule.units(ctx) : [{ run: () => rule.run(ctx) }];
}

const VS = 'config:VirtualService';
const DR = 'config:DestinationRule';
const GW = 'config:Gateway';
const SE = 'config:ServiceEntry';

/** Every rule, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  perCluster(['IST0101', 'IST0112'], checkVirtualServiceDestinationsIn, [VS, SE, 'services'], ['services']),
  perCluster(['IST0101', 'IST0132'], checkVirtualServiceGatewaysIn, [VS, GW]),
  perCluster(['IST0101', 'IST0162'], checkGatewayPortsIn, [GW, 'pods', 'services']),
  perCluster(['IST0106'], checkSchemasIn, ['config']),
  perCluster(['IST0108'], checkUnknownAnnotationsIn, ['namespaces', 'services', 'pods', 'deployments']),
  perCluster(['IST0109'], checkMeshGatewayHostsIn, [VS]),
  perCluster(['IST0118'], checkPortNamesIn, ['services']),
  perCluster(['IST0128', 'IST0129'], checkDestinationRuleTlsIn, [DR]),
  perCluster(['IST0130', 'IST0131'], checkVirtualServiceMatchesIn, [VS]),
  perCluster(['IST0145'], checkConflictingGatewaysIn, [GW]),
  { codes: ['IST0170'], scope: 'mesh', reads: ['services'], run: checkMultiClusterServices, units: multiClusterServiceUnits },
  perCluster(['IST0173', 'IST0174'], checkDestinationRuleSubsetsIn, [DR, SE, 'services', 'pods', 'nodes'], ['services', 'pods', 'nodes']),
  { codes: ['MG0001'], scope: 'mesh', reads: ['rootCerts'], run: checkSplitTrust },
  { codes: ['MG0002'], scope: 'mesh', reads: ['rootCerts'], run: checkRootExpiry },
  perCluster(['MG0003', 'MG0004'], checkNetworkLabelsIn, ['services', 'pods']),
  perCluster(['MG0005', 'MG0006'], checkEastWestGatewaysIn, ['services']),
  perCluster(['MG0007'], checkCrossNetworkGatewayIn, ['services', GW]),
  { codes: ['MG0008'], scope: 'mesh', reads: ['secrets', 'controlPlanes'], run: checkDiscoverySymmetry },
  perCluster(['MG0009'], checkRemoteSecretsSyncedIn, ['secrets', 'controlPlanes']),
  { codes: ['MG0010'], scope: 'fleet', reads: ['meshConfigs', 'secrets', 'controlPlanes'], run: checkMeshIdentity },
  { codes: ['MG0011'], scope: 'fleet', reads: ['secrets', 'controlPlanes'], run: checkDuplicateClusterNames },
  { codes: ['MG0012'], scope: 'mesh', reads: ['controlPlanes'], run: checkControlPlaneSkew },
  perCluster(['MG0013'], checkProxySkewIn, ['controlPlanes', 'namespaces', 'pods']),
  perCluster(['MG0014'], checkUnusedCanariesIn, ['controlPlanes', 'namespaces', 'pods']),
  perCluster(['MG0015'], checkRemoteOnlyServicesIn, [VS, 'services'], ['services']),
  perCluster(['MG0016'], checkTrafficPolicyRegionsIn, ['config:GlobalTrafficPolicy', 'pods', 'nodes'], ['pods', 'nodes']),
  { codes: ['MG0017'], scope: 'mesh', reads: [DR, 'services', 'pods', 'nodes'], run: checkSubsetSpread, units: subsetSpreadUnits },
  { codes: ['MG0018'], scope: 'fleet', reads: [], run: checkTelemetryClusterLabels },
];
