/**
 * Ambient data plane objects as Istio installs them: the ztunnel DaemonSet
 * with one pod per Node, waypoint proxies (a Gateway of class istio-waypoint
 * and the Deployment, pods and Service istiod deploys for it), and the
 * redirection annotation istio-cni writes on ambient pods.
 */
import { AMBIENT_REDIRECTION_ANNOTATION, GATEWAY_NAME_LABEL, WAYPOINT_CLASS, WAYPOINT_FOR_LABEL } from '../../../lib/fleet/dataplane';
import type { KubeObject } from '../kube/types';
import { stableSuffix, stableUid, type AddressAllocator } from './ids';
import type { ClusterSpec, ServiceSpec, WaypointSpec, WorkloadSpec } from './types';
import { nodeNames, proxyImage, workloadObjects, type BuiltPod } from './workloads';

export const ZTUNNEL_NAME = 'ztunnel';
export const GATEWAY_CLASS_LABEL = 'gateway.networking.k8s.io/gateway-class-name';
export const GATEWAY_MANAGED_LABEL = 'gateway.istio.io/managed';
/** gateway.istio.io/managed values istiod's deployment controller writes. */
export const MESH_CONTROLLER_LABEL = 'istio.io-mesh-controller';
export const GATEWAY_CONTROLLER_LABEL = 'istio.io-gateway-controller';
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';

/** The uid a Gateway gets in a cluster, so the objects istiod deploys for it can name it as their owner. */
export const gatewayUid = (cluster: string, namespace: string, name: string): string => stableUid(`${cluster}/${namespace}/${name}/gateway`);

/** An ownerReference to a Gateway, as on everything istiod deploys for one. */
export const gatewayOwner = (cluster: string, namespace: string, name: string) => ({
  apiVersion: GATEWAY_API_VERSION,
  kind: 'Gateway',
  name,
  uid: gatewayUid(cluster, namespace, name),
});

/** Marks built pods as redirected by istio-cni (ambient): the annotation on the pod, never on the Deployment's template. */
export function markAmbient(pods: BuiltPod[]): void {
  for (const p of pods) {
    p.object.metadata.annotations = { ...p.object.metadata.annotations, [AMBIENT_REDIRECTION_ANNOTATION]: 'enabled' };
  }
}

/** The ztunnel DaemonSet of a cluster and its pods, one per Node (all ready). */
export function ztunnelObjects(cluster: ClusterSpec, alloc: AddressAllocator): { objects: KubeObject[]; pods: BuiltPod[] } {
  const version = cluster.ztunnel?.version ?? cluster.revisions[0]?.version ?? '1.30.3';
  const ns = 'istio-system';
  const revisionHash = stableSuffix(`${cluster.name}/${ns}/${ZTUNNEL_NAME}/controller-revision`, 10);
  const templateLabels = {
    'sidecar.istio.io/inject': 'false',
    'istio.io/dataplane-mode': 'none',
    app: ZTUNNEL_NAME,
    'app.kubernetes.io/name': ZTUNNEL_NAME,
    'app.kubernetes.io/part-of': 'istio',
    'app.kubernetes.io/version': version,
  };
  const container = {
    name: 'istio-proxy',
    image: `docker.io/istio/ztunnel:${version}`,
    args: ['proxy', 'ztunnel'],
    ports: [{ containerPort: 15020, name: 'ztunnel-stats', protocol: 'TCP' }],
    readinessProbe: { httpGet: { port: 15021, path: '/healthz/ready' } },
  };
  const nodes = nodeNames(cluster);
  const pods: BuiltPod[] = nodes.map((node, i) => {
    const name = `${ZTUNNEL_NAME}-${stableSuffix(`${cluster.name}/${ns}/${ZTUNNEL_NAME}/${node.name}`, 5)}`;
    const ip = alloc.podIp();
    const labels = { ...templateLabels, 'controller-revision-hash': revisionHash, 'pod-template-generation': '1' };
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        labels,
        annotations: { 'sidecar.istio.io/inject': 'false' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ZTUNNEL_NAME, uid: stableUid(`${cluster.name}/${ns}/daemonset/${ZTUNNEL_NAME}`), controller: true, blockOwnerDeletion: true }],
      },
      spec: { serviceAccountName: ZTUNNEL_NAME, nodeName: node.name, nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [container], restartPolicy: 'Always' },
      status: {
        phase: 'Running',
        podIP: ip,
        podIPs: [{ ip }],
        hostIP: `10.250.${cluster.index % 250}.${i + 10}`,
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Initialized', status: 'True' },
          { type: 'ContainersReady', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        containerStatuses: [{ name: container.name, image: container.image, ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2024-05-01T10:00:00Z' } } }],
      },
    };
    return { object, name, namespace: ns, labels, ip, ready: true, nodeName: node.name, zone: node.zone };
  });
  const daemonSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: ZTUNNEL_NAME,
      namespace: ns,
      uid: stableUid(`${cluster.name}/${ns}/daemonset/${ZTUNNEL_NAME}`),
      labels: { 'app.kubernetes.io/name': ZTUNNEL_NAME, 'app.kubernetes.io/part-of': 'istio', 'app.kubernetes.io/version': version },
      generation: 1,
    },
    spec: {
      selector: { matchLabels: { app: ZTUNNEL_NAME } },
      template: { metadata: { labels: templateLabels, annotations: { 'sidecar.istio.io/inject': 'false' } }, spec: { serviceAccountName: ZTUNNEL_NAME, nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [container] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    },
    status: daemonSetStatus(nodes.length, nodes.length),
  };
  const account: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: ZTUNNEL_NAME, namespace: ns } };
  return { objects: [account, daemonSet, ...pods.map((p) => p.object)], pods };
}

/** A DaemonSet's status with `ready` of `desired` pods ready. */
export function daemonSetStatus(desired: number, ready: number): Record<string, number> {
  return {
    currentNumberScheduled: desired,
    desiredNumberScheduled: desired,
    numberAvailable: ready,
    numberMisscheduled: 0,
    numberReady: ready,
    observedGeneration: 1,
    updatedNumberScheduled: desired,
    ...(ready < desired ? { numberUnavailable: desired - ready } : {}),
  };
}

/** The Gateway of class istio-waypoint for a waypoint, as `istioctl waypoint apply` writes it. */
export function waypointGateway(wp: WaypointSpec): KubeObject {
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: { name: wp.name, namespace: wp.namespace, uid: gatewayUid(wp.cluster, wp.namespace, wp.name), labels: { [WAYPOINT_FOR_LABEL]: wp.for ?? 'service' } },
    spec: { gatewayClassName: WAYPOINT_CLASS, listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
  };
}

/** What istiod deploys for a waypoint, as a workload and a service of the fleet spec (turned into objects by the usual builders). */
export function waypointSpecs(wp: WaypointSpec, cluster: ClusterSpec): { workload: WorkloadSpec; service: ServiceSpec } {
  // istiod copies the Gateway's labels (and the mesh network) onto what it deploys.
  const infra = { [WAYPOINT_FOR_LABEL]: wp.for ?? 'service', 'topology.istio.io/network': cluster.network };
  const own = { [GATEWAY_NAME_LABEL]: wp.name, [GATEWAY_CLASS_LABEL]: WAYPOINT_CLASS, [GATEWAY_MANAGED_LABEL]: MESH_CONTROLLER_LABEL };
  const version = cluster.revisions[0]?.version ?? '1.30.3';
  return {
    workload: {
      cluster: wp.cluster,
      namespace: wp.namespace,
      name: wp.name,
      labels: {
        'sidecar.istio.io/inject': 'false',
        'istio.io/dataplane-mode': 'none',
        'service.istio.io/canonical-name': wp.name,
        'service.istio.io/canonical-revision': 'latest',
        ...infra,
        ...own,
      },
      deploymentLabels: { ...infra, ...own },
      selector: { [GATEWAY_NAME_LABEL]: wp.name },
      replicas: wp.replicas ?? 1,
      serviceAccount: wp.name,
      image: proxyImage(version),
      containerPorts: [15020, 15021, 15090],
    },
    service: {
      name: wp.name,
      namespace: wp.namespace,
      clusters: [wp.cluster],
      labels: { ...infra, [GATEWAY_NAME_LABEL]: wp.name, [GATEWAY_CLASS_LABEL]: WAYPOINT_CLASS, [GATEWAY_MANAGED_LABEL]: MESH_CONTROLLER_LABEL },
      selector: { [GATEWAY_NAME_LABEL]: wp.name },
      ports: [
        { name: 'status-port', port: 15021, appProtocol: 'tcp' },
        { name: 'mesh', port: 15008, appProtocol: 'hbone' },
      ],
    },
  };
}

/** A waypoint's Deployment and pods: the plain workload builder, then the proxy container and metadata istiod's waypoint template gives them. */
export function waypointWorkloadObjects(wp: WaypointSpec, w: WorkloadSpec, cluster: ClusterSpec, alloc: AddressAllocator, podIndexStart: number): { deployment: KubeObject; pods: BuiltPod[] } {
  const built = workloadObjects(w, cluster, alloc, undefined, podIndexStart);
  const revision = cluster.revisions[0]?.revision ?? 'default';
  const container = {
    name: 'istio-proxy',
    image: w.image,
    args: ['proxy', 'waypoint', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--serviceCluster', `${w.serviceAccount}.$(POD_NAMESPACE)`],
    ports: [
      { containerPort: 15020, name: 'metrics', protocol: 'TCP' },
      { containerPort: 15021, name: 'status-port', protocol: 'TCP' },
      { containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' },
    ],
    readinessProbe: { httpGet: { path: '/healthz/ready', port: 15021, scheme: 'HTTP' } },
  };
  const annotations = { 'istio.io/rev': revision, 'prometheus.io/path': '/stats/prometheus', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true' };
  const owner = gatewayOwner(wp.cluster, wp.namespace, wp.name);
  const d = built.deployment;
  d.metadata.ownerReferences = [owner];
  const tpl = (d.spec as { template: { metadata: { annotations: Record<string, string> }; spec: { containers: unknown[] } } }).template;
  tpl.metadata.annotations = annotations;
  tpl.spec.containers = [container];
  for (const p of built.pods) {
    const spec = p.object.spec as { containers: unknown[] };
    spec.containers = [container];
    p.object.metadata.annotations = { ...annotations };
    const status = p.object.status as { containerStatuses: Array<{ name: string }> };
    for (const s of status.containerStatuses) s.name = container.name;
  }
  return built;
}

/** A waypoint's Service, EndpointSlice and Endpoints get the annotation and owner istiod's template gives them. */
export function asWaypointServiceObjects(objects: KubeObject[], wp: WaypointSpec): KubeObject[] {
  const service = objects.find((o) => o.kind === 'Service');
  if (service) {
    service.metadata.annotations = { 'networking.istio.io/traffic-distribution': 'PreferClose' };
    service.metadata.ownerReferences = [gatewayOwner(wp.cluster, wp.namespace, wp.name)];
    (service.spec as Record<string, unknown>).ipFamilyPolicy = 'PreferDualStack';
  }
  return objects;
}

/** GatewayClasses istiod creates in a cluster (when the Gateway API CRDs are installed), with the status it writes. */
export function istioGatewayClasses(): KubeObject[] {
  const cls = (name: string, controllerName: string, description: string): KubeObject => ({
    apiVersion: GATEWAY_API_VERSION,
    kind: 'GatewayClass',
    metadata: { name },
    spec: { controllerName, description },
    status: {
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Handled by Istio controller', lastTransitionTime: '2024-05-01T10:00:00Z', observedGeneration: 1 }],
    },
  });
  return [
    cls('istio', 'istio.io/gateway-controller', 'The default Istio GatewayClass'),
    cls('istio-remote', 'istio.io/unmanaged-gateway', 'Remote to this cluster. Does not deploy or affect configuration.'),
    cls(WAYPOINT_CLASS, 'istio.io/mesh-controller', 'The default Istio waypoint GatewayClass'),
  ];
}
