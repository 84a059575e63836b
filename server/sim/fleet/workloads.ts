/** Builders for plain Kubernetes objects: Namespaces, Deployments, Pods, Services, EndpointSlices, Endpoints. */
import type { KubeObject } from '../kube/types';
import { stableSuffix, stableUid, type AddressAllocator } from './ids';
import type { ClusterSpec, NamespaceSpec, ServiceSpec, WorkloadSpec } from './types';

/** Where the sidecar (or gateway proxy) of a pod comes from. */
export interface ProxyInfo {
  mode: 'sidecar' | 'router';
  revision: string;
  version: string;
}

/** A built pod with the facts other builders need (labels, IP, readiness). */
export interface BuiltPod {
  object: KubeObject;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ip: string;
  ready: boolean;
  nodeName: string;
  zone: string;
  proxy?: ProxyInfo;
}

export const proxyImage = (version: string): string => `docker.io/istio/proxyv2:${version}`;

/** The Namespace object; injection by label as istioctl/helm docs describe. */
export function namespaceObject(ns: NamespaceSpec, cluster: ClusterSpec): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns.name, ...ns.labels };
  if (ns.revision === 'default') labels['istio-injection'] = 'enabled';
  else if (ns.revision) labels['istio.io/rev'] = ns.revision;
  if (ns.dataplane === 'ambient') labels['istio.io/dataplane-mode'] = 'ambient';
  if (ns.name === 'istio-system') labels['topology.istio.io/network'] = cluster.network;
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

/** Node names of a cluster, round-robin over its zones. */
export function nodeNames(cluster: ClusterSpec): Array<{ name: string; zone: string }> {
  return Array.from({ length: cluster.nodes }, (_, i) => {
    const zone = cluster.zones[i % cluster.zones.length] ?? `${cluster.region}a`;
    return { name: `${cluster.name}-pool-${zone.slice(-1)}-${String(i).padStart(2, '0')}`, zone };
  });
}

/** Node objects with the well-known topology labels. */
export function nodeObjects(cluster: ClusterSpec): KubeObject[] {
  return nodeNames(cluster).map(({ name, zone }, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/region': cluster.region,
        'topology.kubernetes.io/zone': zone,
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
      },
    },
    spec: { podCIDR: `10.${(cluster.index % 250) + 1}.${i * 8}.0/21` },
    status: {
      addresses: [{ type: 'InternalIP', address: `10.250.${cluster.index % 250}.${i + 10}` }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: cluster.kubeVersion, containerRuntimeVersion: 'containerd://1.7.20', osImage: 'Debian GNU/Linux 12 (bookworm)', architecture: 'amd64', operatingSystem: 'linux' },
      capacity: { cpu: '4', memory: '16069880Ki', pods: '110' },
    },
  }));
}

/** The labels injection (or a gateway's proxy) adds to a pod, in the order workloadObjects writes them. */
export function proxyLabels(labels: Record<string, string>, proxy: ProxyInfo, network: string, workload: string): Record<string, string> {
  const app = labels.app ?? workload;
  const out: Record<string, string> = {
    'service.istio.io/canonical-name': labels['service.istio.io/canonical-name'] ?? app,
    'service.istio.io/canonical-revision': labels['service.istio.io/canonical-revision'] ?? labels.version ?? 'latest',
    'topology.istio.io/network': network,
    'istio.io/rev': proxy.revision,
  };
  if (proxy.mode === 'sidecar') out['security.istio.io/tlsMode'] = 'istio';
  return out;
}

/** The injected istio-proxy container. */
export const sidecarContainer = (version: string) => ({
  name: 'istio-proxy',
  image: proxyImage(version),
  args: ['proxy', 'sidecar', '--domain', `$(POD_NAMESPACE).svc.cluster.local`],
  ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
});

/** The annotations the injector writes on a pod (sidecar status, Prometheus merge). */
export function sidecarAnnotations(revision: string): Record<string, string> {
  return {
    'sidecar.istio.io/status': JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], volumes: ['istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'], imagePullSecrets: null, revision }),
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': '15020',
    'prometheus.io/path': '/stats/prometheus',
  };
}

/** A Deployment and its pods; `proxy` adds an istio-proxy sidecar (or makes the pod a gateway proxy). */
export function workloadObjects(
  w: WorkloadSpec,
  cluster: ClusterSpec,
  alloc: AddressAllocator,
  proxy: ProxyInfo | undefined,
  podIndexStart: number,
): { deployment: KubeObject; pods: BuiltPod[] } {
  const rsHash = stableSuffix(`${cluster.name}/${w.namespace}/${w.name}/rs`, 10);
  const ready = Math.min(w.ready ?? w.replicas, w.replicas);
  const app = w.labels.app ?? w.name;
  const version = w.labels.version ?? 'latest';
  const podLabels: Record<string, string> = { ...w.labels, 'pod-template-hash': rsHash };
  if (proxy) Object.assign(podLabels, proxyLabels(w.labels, proxy, cluster.network, w.name));
  const nodes = nodeNames(cluster);
  const appContainer = {
    name: proxy?.mode === 'router' ? 'istio-proxy' : app,
    image: w.image,
    ports: w.containerPorts.map((p) => ({ containerPort: p, protocol: 'TCP' })),
    resources: { requests: { cpu: '10m', memory: '40Mi' } },
  };
  const containers: unknown[] = [appContainer];
  if (proxy?.mode === 'sidecar') containers.push(sidecarContainer(proxy.version));
  const pods: BuiltPod[] = [];
  for (let i = 0; i < w.replicas; i++) {
    const name = `${w.name}-${rsHash}-${stableSuffix(`${cluster.name}/${w.namespace}/${w.name}/${i}`, 5)}`;
    const node = nodes[(podIndexStart + i) % nodes.length] ?? { name: `${cluster.name}-node`, zone: cluster.region };
    const ip = alloc.podIp();
    const isReady = i < ready;
    const annotations: Record<string, string> = { ...w.podAnnotations };
    if (proxy?.mode === 'sidecar') Object.assign(annotations, sidecarAnnotations(proxy.revision));
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: w.namespace,
        labels: podLabels,
        annotations,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${w.name}-${rsHash}`, uid: stableUid(`${cluster.name}/${w.namespace}/${w.name}-${rsHash}`), controller: true, blockOwnerDeletion: true }],
      },
      spec: { serviceAccountName: w.serviceAccount, nodeName: node.name, containers, restartPolicy: 'Always' },
      status: {
        phase: 'Running',
        podIP: ip,
        podIPs: [{ ip }],
        hostIP: `10.250.${cluster.index % 250}.${nodes.indexOf(node) + 10}`,
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Initialized', status: 'True' },
          { type: 'ContainersReady', status: isReady ? 'True' : 'False' },
          { type: 'Ready', status: isReady ? 'True' : 'False' },
        ],
        containerStatuses: (containers as Array<{ name: string; image: string }>).map((c) => ({
          name: c.name,
          image: c.image,
          ready: isReady,
          started: true,
          restartCount: isReady ? 0 : 7,
          state: isReady ? { running: { startedAt: '2024-05-01T10:00:00Z' } } : { waiting: { reason: 'CrashLoopBackOff' } },
        })),
      },
    };
    pods.push({ object, name, namespace: w.namespace, labels: podLabels, ip, ready: isReady, nodeName: node.name, zone: node.zone, proxy });
  }
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, namespace: w.namespace, labels: { ...(w.deploymentLabels ?? { app, version }) }, generation: 1 },
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: w.selector ?? pickSelector(w.labels) },
      template: { metadata: { labels: w.labels, annotations: w.podAnnotations ?? {} }, spec: { serviceAccountName: w.serviceAccount, containers: [appContainer] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    },
    status: {
      observedGeneration: 1,
      replicas: w.replicas,
      updatedReplicas: w.replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < w.replicas ? { unavailableReplicas: w.replicas - ready } : {}),
      conditions: [
        { type: 'Available', status: ready > 0 ? 'True' : 'False', reason: ready > 0 ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  };
  return { deployment, pods };
}

/** Deployment selectors use app (+version when present), like the samples. */
function pickSelector(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['app', 'version', 'istio']) if (labels[key] !== undefined) out[key] = labels[key];
  return Object.keys(out).length ? out : labels;
}

export function matchesSelector(labels: Record<string, string>, selector: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/** A Service with its EndpointSlice and Endpoints, listing the selected pods of this cluster. */
export function serviceObjects(
  svc: ServiceSpec,
  alloc: AddressAllocator,
  pods: BuiltPod[],
  extra?: { type?: 'ClusterIP' | 'LoadBalancer'; loadBalancerIp?: string },
): KubeObject[] {
  const selected = pods.filter((p) => p.namespace === svc.namespace && matchesSelector(p.labels, svc.selector));
  const clusterIp = alloc.serviceIp();
  const ports = svc.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svc.name, namespace: svc.namespace, labels: { ...svc.labels } },
    spec: { type: extra?.type ?? 'ClusterIP', clusterIP: clusterIp, clusterIPs: [clusterIp], ipFamilies: ['IPv4'], selector: svc.selector, ports, sessionAffinity: 'None' },
    status: { loadBalancer: extra?.loadBalancerIp ? { ingress: [{ ip: extra.loadBalancerIp }] } : {} },
  };
  const epPorts = svc.ports.map((p) => ({ name: p.name, port: p.targetPort ?? p.port, protocol: 'TCP' }));
  const slice: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${svc.name}-${stableSuffix(`${svc.namespace}/${svc.name}/slice`, 5)}`,
      namespace: svc.namespace,
      labels: { 'kubernetes.io/service-name': svc.name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    },
    addressType: 'IPv4',
    endpoints: selected.map((p) => ({
      addresses: [p.ip],
      conditions: { ready: p.ready, serving: p.ready, terminating: false },
      nodeName: p.nodeName,
      zone: p.zone,
      targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace },
    })),
    ports: epPorts,
  };
  const toAddr = (p: BuiltPod) => ({ ip: p.ip, nodeName: p.nodeName, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace } });
  const readyPods = selected.filter((p) => p.ready);
  const notReady = selected.filter((p) => !p.ready);
  const endpoints: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.name, namespace: svc.namespace, labels: { ...svc.labels } },
    subsets: selected.length
      ? [{ ...(readyPods.length ? { addresses: readyPods.map(toAddr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(toAddr) } : {}), ports: epPorts }]
      : [],
  };
  return [service, slice, endpoints];
}
