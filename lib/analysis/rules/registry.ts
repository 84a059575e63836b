import { DR, GW, VS, istioAnalyzer, perCluster, type Rule } from './rule';
import { GATEWAY_RULES } from './istio/gateways/rules';
import { META_RULES } from './istio/meta/rules';
import { POLICY_RULES } from './istio/policy/rules';
import { ROUTING_RULES } from './istio/routing/rules';
import { WORKLOAD_RULES } from './istio/workloads/rules';
import { checkSchemasIn } from './istio/meta/schema';
import { checkDataplaneConsistency, dataplaneConsistencyUnits } from './mesh/dataplane-consistency';
import { checkDiscoverySymmetry, checkRemoteSecretsSyncedIn } from './mesh/discovery';
import { checkTrafficPolicyRegionsIn } from './mesh/gtp';
import { checkDuplicateClusterNames, checkMeshIdentity } from './mesh/identity';
import { checkCrossNetworkGatewayIn, checkEastWestGatewaysIn, checkNetworkLabelsIn } from './mesh/networks';
import { checkRemoteOnlyServicesIn } from './mesh/remote-services';
import { checkRouteStatus, routeStatusUnits } from './mesh/route-status';
import { checkSubsetSpread, subsetSpreadUnits } from './mesh/subset-spread';
import { checkTelemetryClusterLabels } from './mesh/telemetry';
import { checkRootExpiry, checkSplitTrust } from './mesh/trust';
import { checkControlPlaneSkew, checkProxySkewIn, checkUnusedCanariesIn } from './mesh/versions';
import { checkWaypointReadinessIn } from './mesh/waypoint-readiness';
import { checkWaypointSpread, waypointSpreadUnits } from './mesh/waypoint-spread';
import { checkZtunnelNodesIn } from './mesh/ztunnel';

export { ruleUnits, type Rule } from './rule';

/** Meshglass's own rules: what only a fleet view sees. */
const MESH_RULES: readonly Rule[] = [
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
  { codes: ['MG0019'], scope: 'mesh', reads: ['services', 'pods', 'namespaces'], run: checkDataplaneConsistency, units: dataplaneConsistencyUnits },
  { codes: ['MG0020'], scope: 'mesh', reads: ['services', 'namespaces', GW], run: checkWaypointSpread, units: waypointSpreadUnits },
  { codes: ['MG0021'], scope: 'mesh', reads: ['config:HTTPRoute', 'config:GRPCRoute'], run: checkRouteStatus, units: routeStatusUnits },
  perCluster(['MG0022'], checkWaypointReadinessIn, ['services', 'namespaces', 'pods', GW]),
  perCluster(['MG0023'], checkZtunnelNodesIn, ['pods', 'namespaces']),
];

/** Every rule, in the order findings are listed: Istio's analyzers by area, then Meshglass's. */
export const RULES: readonly Rule[] = [
  istioAnalyzer('schema.ValidationAnalyzer', ['IST0106'], checkSchemasIn, ['config']),
  ...META_RULES,
  ...WORKLOAD_RULES,
  ...GATEWAY_RULES,
  ...ROUTING_RULES,
  ...POLICY_RULES,
  ...MESH_RULES,
];
