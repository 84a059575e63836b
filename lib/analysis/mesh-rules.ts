import type { Level } from './types';

/** One Meshglass multi-cluster rule: what it is called, how bad, and the usual fix. */
export interface MeshRule {
  name: string;
  level: Level;
  /** One line: what the rule checks. */
  summary: string;
  fix: string;
}

/**
 * Meshglass's own codes (MG0001+) for problems only visible across clusters.
 * docs/analysis.md explains each one's cause and fix at length.
 */
export const MESH_RULES = {
  MG0001: { name: 'SplitTrustRoot', level: 'Error', summary: 'Clusters of one mesh trust different root certificates.', fix: 'Sign every cluster\'s cacerts with one root CA and restart istiod, or move the odd cluster to its own mesh ID.' },
  MG0002: { name: 'RootCertExpiring', level: 'Warning', summary: 'A mesh root certificate expires soon (Error once expired).', fix: 'Rotate the root CA (plug in new cacerts with both roots in the bundle) before it expires.' },
  MG0003: { name: 'NetworkLabelMissing', level: 'Warning', summary: 'A cluster of a multi-network mesh has no topology.istio.io/network label.', fix: 'Label the istio-system namespace with topology.istio.io/network=<network> (and set values.global.network).' },
  MG0004: { name: 'NetworkLabelInconsistent', level: 'Warning', summary: 'Network labels in one cluster disagree (namespace, gateway, pods).', fix: 'Give the istio-system namespace, the east-west gateway and injected pods the same topology.istio.io/network value.' },
  MG0005: { name: 'EastWestGatewayMissing', level: 'Error', summary: 'A cluster of a multi-network mesh has no east-west gateway Service.', fix: 'Install an east-west gateway (label istio=eastwestgateway, topology.istio.io/network=<network>) exposing 15443.' },
  MG0006: { name: 'EastWestGatewayNoAddress', level: 'Error', summary: 'The east-west gateway Service has no ingress address.', fix: 'Make the gateway Service get an address: a LoadBalancer with status.loadBalancer.ingress, or spec.externalIPs.' },
  MG0007: { name: 'CrossNetworkGatewayMissing', level: 'Error', summary: 'No Gateway exposes 15443 with AUTO_PASSTHROUGH on the east-west gateway.', fix: 'Apply the cross-network Gateway (selector istio: eastwestgateway, port 15443 TLS, tls.mode AUTO_PASSTHROUGH, hosts "*.local").' },
  MG0008: { name: 'DiscoveryAsymmetric', level: 'Warning', summary: 'One control plane reads another cluster, but not the other way round.', fix: 'Create the missing remote secret (istioctl create-remote-secret) in the cluster that does not read its peer.' },
  MG0009: { name: 'RemoteClusterNotSynced', level: 'Error', summary: 'A remote secret names a cluster istiod is not syncing.', fix: 'Check the remote secret\'s kubeconfig (server address, token, CA) and the istio-reader RBAC in the remote cluster.' },
  MG0010: { name: 'MeshIdentityMismatch', level: 'Error', summary: 'Mesh ID or trust domain differ between clusters that discover each other, or between revisions.', fix: 'Use one meshID and one trustDomain across the mesh; set them in every revision\'s mesh config.' },
  MG0011: { name: 'DuplicateClusterName', level: 'Error', summary: 'Two clusters use the same Istio cluster name.', fix: 'Give every cluster a unique values.global.multiCluster.clusterName and recreate its remote secrets.' },
  MG0012: { name: 'ControlPlaneVersionSkew', level: 'Warning', summary: 'Control planes of one mesh are more than one minor version apart.', fix: 'Upgrade the oldest control planes so every istiod in the mesh is within one minor version.' },
  MG0013: { name: 'ProxyVersionSkew', level: 'Warning', summary: 'Proxies run more than one minor version behind their control plane.', fix: 'Restart the workload (kubectl rollout restart) so it is injected with the current proxy.' },
  MG0014: { name: 'UnusedCanaryRevision', level: 'Info', summary: 'A canary control plane revision serves no namespace.', fix: 'Label namespaces with istio.io/rev=<revision> to move them, or uninstall the unused revision.' },
  MG0015: { name: 'ServiceOnlyInRemoteClusters', level: 'Warning', summary: 'A service is defined only in remote clusters while a client cluster routes to it.', fix: 'Create the Service (selector may match nothing) in the client cluster, or enable DNS proxying (ISTIO_META_DNS_CAPTURE).' },
  MG0016: { name: 'TrafficPolicyRegionUnhealthy', level: 'Warning', summary: 'An Admiral GlobalTrafficPolicy weights a region with no healthy endpoints.', fix: 'Set the region\'s weight to 0 or restore healthy workloads for the identity in that region.' },
  MG0017: { name: 'SubsetMissingInCluster', level: 'Info', summary: 'A DestinationRule subset selects pods in some clusters of the mesh but not in others running the service.', fix: 'Deploy the subset\'s version in the clusters that lack it, or accept that its traffic crosses clusters.' },
  MG0018: { name: 'TelemetryClusterLabelMismatch', level: 'Warning', summary: 'A cluster name does not match the cluster label of its metrics.', fix: 'Make the Prometheus cluster label (external label or relabel) equal the cluster name Meshglass uses, or set the cluster\'s telemetry name.' },
  MG0019: { name: 'DataplaneModeInconsistent', level: 'Warning', summary: 'A service runs in different data-plane modes (ambient, sidecar, none) in different clusters of a mesh.', fix: 'Label the namespace the same way in every cluster (istio.io/dataplane-mode=ambient, or istio-injection=enabled) and restart the pods that differ.' },
  MG0020: { name: 'WaypointMissingInCluster', level: 'Error', summary: 'Services or a namespace use a waypoint that exists in other clusters of the mesh but not in theirs.', fix: 'Deploy the same waypoint (Gateway of class istio-waypoint, same namespace and name) in this cluster, e.g. istioctl waypoint apply -n <namespace> --name <name>.' },
  MG0021: { name: 'RouteStatusInconsistent', level: 'Warning', summary: 'A Gateway API route is accepted with resolved references in some clusters of a mesh and not in others.', fix: 'Make the route\'s parents and backends the same in every cluster: the parent Gateway and listener, the backend Services and any ReferenceGrant the failing clusters lack.' },
  MG0022: { name: 'WaypointNotReady', level: 'Error', summary: 'A waypoint that services or namespaces use has no ready pod or is not Programmed.', fix: 'Get the waypoint\'s Deployment ready (kubectl describe the Gateway and its pods: scheduling, image, resources), or remove the istio.io/use-waypoint labels that send traffic to it.' },
  MG0023: { name: 'ZtunnelNotReady', level: 'Error', summary: 'A node runs ambient pods but no ready ztunnel pod.', fix: 'Get the ztunnel DaemonSet\'s pod on the node ready (kubectl -n istio-system describe pod; check the node\'s CNI and resources), or drain the node.' },
} as const satisfies Record<string, MeshRule>;

/** A Meshglass rule code. */
export type MeshCode = keyof typeof MESH_RULES;
