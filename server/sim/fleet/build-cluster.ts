/** Turns a FleetSpec into the Kubernetes objects of one cluster, in apply order. */
import type { KubeObject } from '../kube/types';
import { asWaypointServiceObjects, istioGatewayClasses, markAmbient, waypointGateway, waypointSpecs, waypointWorkloadObjects, ztunnelObjects } from './ambient';
import { AddressAllocator } from './ids';
import { controlPlaneObjects, controlPlaneSpecs, EASTWEST_NAME, rootCertConfigMap } from './istio-system';
import type { ClusterSpec, FleetCerts, FleetSpec, MeshSpec, NamespaceSpec, ServiceSpec, WaypointSpec, WorkloadSpec } from './types';
import { namespaceObject, nodeObjects, serviceObjects, workloadObjects, type BuiltPod, type ProxyInfo } from './workloads';

export interface BuiltCluster {
  cluster: ClusterSpec;
  mesh: MeshSpec;
  objects: KubeObject[];
  pods: BuiltPod[];
}

const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'default'];

/** Looks up a cluster and its mesh; throws on a spec that names unknown ones. */
export function clusterAndMesh(fleet: FleetSpec, name: string): { cluster: ClusterSpec; mesh: MeshSpec } {
  const cluster = fleet.clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`unknown cluster ${name}`);
  const mesh = fleet.meshes.find((m) => m.id === cluster.mesh);
  if (!mesh) throw new Error(`cluster ${name}: unknown mesh ${cluster.mesh}`);
  return { cluster, mesh };
}

/** Indexes fleet-wide lists by cluster once, so building N clusters stays linear. */
export class FleetIndex {
  readonly namespaces = new Map<string, NamespaceSpec[]>();
  readonly workloads = new Map<string, WorkloadSpec[]>();
  readonly services = new Map<string, ServiceSpec[]>();
  readonly extras = new Map<string, KubeObject[]>();
  readonly waypoints = new Map<string, WaypointSpec[]>();
  constructor(readonly fleet: FleetSpec) {
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const ns of fleet.namespaces) push(this.namespaces, ns.cluster, ns);
    for (const w of fleet.workloads) push(this.workloads, w.cluster, w);
    for (const s of fleet.services) for (const c of s.clusters) push(this.services, c, s);
    for (const e of fleet.extraObjects) push(this.extras, e.cluster, e.object);
    for (const w of fleet.waypoints ?? []) push(this.waypoints, w.cluster, w);
  }
}

/** Every object of one cluster: nodes, namespaces, service accounts, root-cert ConfigMaps, workloads, services, Istio config. */
export function buildCluster(index: FleetIndex, name: string, certs: FleetCerts): BuiltCluster {
  const { cluster, mesh } = clusterAndMesh(index.fleet, name);
  const rootPem = certs.roots[mesh.rootId];
  if (!rootPem) throw new Error(`cluster ${name}: no root certificate for ${mesh.rootId}`);
  const alloc = new AddressAllocator(cluster.index);
  const cp = controlPlaneSpecs(cluster);
  const namespaces: NamespaceSpec[] = [
    ...SYSTEM_NAMESPACES.map((n) => ({ cluster: name, name: n })),
    cp.namespace,
    ...(index.namespaces.get(name) ?? []),
  ];
  const nsByName = new Map(namespaces.map((n) => [n.name, n]));
  const workloads = [...cp.workloads, ...(index.workloads.get(name) ?? [])];
  const services = [...cp.services, ...(index.services.get(name) ?? [])];

  const objects: KubeObject[] = [...nodeObjects(cluster), ...namespaces.map((n) => namespaceObject(n, cluster))];
  for (const ns of namespaces) if (!ns.name.startsWith('kube-')) objects.push(rootCertConfigMap(ns.name, rootPem));

  const accounts = new Set<string>();
  for (const w of workloads) {
    const key = `${w.namespace}/${w.serviceAccount}`;
    if (accounts.has(key)) continue;
    accounts.add(key);
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: w.serviceAccount, namespace: w.namespace } });
  }

  const pods: BuiltPod[] = [];
  if (cluster.ztunnel) {
    const zt = ztunnelObjects(cluster, alloc);
    objects.push(...zt.objects);
    pods.push(...zt.pods);
  }
  for (const w of workloads) {
    const ns = nsByName.get(w.namespace);
    if (!ns) throw new Error(`cluster ${name}: workload ${w.namespace}/${w.name} in an undeclared namespace`);
    const built = workloadObjects(w, cluster, alloc, proxyFor(w, cluster, ns), pods.length);
    if (ns.dataplane === 'ambient' && w.proxyMode !== 'router') markAmbient(built.pods);
    objects.push(built.deployment, ...built.pods.map((p) => p.object));
    pods.push(...built.pods);
  }
  const waypointServices: Array<{ spec: ServiceSpec; waypoint: WaypointSpec }> = [];
  for (const wp of index.waypoints.get(name) ?? []) {
    if (!nsByName.has(wp.namespace)) throw new Error(`cluster ${name}: waypoint ${wp.namespace}/${wp.name} in an undeclared namespace`);
    const specs = waypointSpecs(wp, cluster);
    const built = waypointWorkloadObjects(wp, specs.workload, cluster, alloc, pods.length);
    objects.push(waypointGateway(wp), built.deployment, ...built.pods.map((p) => p.object));
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: specs.workload.serviceAccount, namespace: wp.namespace } });
    pods.push(...built.pods);
    waypointServices.push({ spec: specs.service, waypoint: wp });
  }
  for (const s of services) {
    if (!nsByName.has(s.namespace)) throw new Error(`cluster ${name}: service ${s.namespace}/${s.name} in an undeclared namespace`);
    const gateway = s.name === EASTWEST_NAME && s.namespace === 'istio-system';
    const lb = gateway ? cluster.eastWestAddress : s.loadBalancerIp;
    objects.push(...serviceObjects(s, alloc, pods, lb ? { type: 'LoadBalancer', loadBalancerIp: lb } : undefined));
  }
  for (const { spec, waypoint } of waypointServices) objects.push(...asWaypointServiceObjects(serviceObjects(spec, alloc, pods), waypoint));
  // istiod creates its GatewayClasses wherever the Gateway API CRDs are served (every simulated cluster).
  objects.push(...istioGatewayClasses());
  objects.push(...controlPlaneObjects(cluster, mesh), ...(index.extras.get(name) ?? []).map((o) => structuredClone(o)));
  return { cluster, mesh, objects, pods };
}

/** Which proxy a workload's pods get: gateways run one themselves; others by their namespace's injection label. */
function proxyFor(w: WorkloadSpec, cluster: ClusterSpec, ns: NamespaceSpec | undefined): ProxyInfo | undefined {
  if (w.proxyMode === 'router') {
    const rev = cluster.revisions[0];
    return rev ? { mode: 'router', revision: rev.revision, version: rev.version } : undefined;
  }
  if (ns?.dataplane === 'ambient' || !ns?.revision || w.labels['sidecar.istio.io/inject'] === 'false') return undefined;
  const rev = cluster.revisions.find((r) => r.revision === ns.revision);
  return rev ? { mode: 'sidecar', revision: rev.revision, version: rev.version } : undefined;
}
