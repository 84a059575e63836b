/** The control plane side of a cluster: istiod per revision, the east-west gateway, mesh config, remote secrets. */
import { stringify } from 'yaml';
import { kubeconfigFor } from '../kube/kubeconfig';
import type { KubeObject } from '../kube/types';
import { loadVendoredYaml } from './samples';
import type { ApiEndpoint, ClusterSpec, MeshSpec, NamespaceSpec, ServiceSpec, WorkloadSpec } from './types';

export const ISTIO_SYSTEM = 'istio-system';
export const EASTWEST_NAME = 'istio-eastwestgateway';

/** istiod's Deployment/Service name for a revision. */
export const istiodName = (revision: string): string => (revision === 'default' ? 'istiod' : `istiod-${revision}`);

/** Specs for istiod (per revision) and the east-west gateway of a cluster. */
export function controlPlaneSpecs(cluster: ClusterSpec): { namespace: NamespaceSpec; workloads: WorkloadSpec[]; services: ServiceSpec[] } {
  const workloads: WorkloadSpec[] = [];
  const services: ServiceSpec[] = [];
  for (const rev of cluster.revisions) {
    const name = istiodName(rev.revision);
    const selector = { app: 'istiod', 'istio.io/rev': rev.revision };
    workloads.push({
      cluster: cluster.name,
      namespace: ISTIO_SYSTEM,
      name,
      labels: { app: 'istiod', istio: 'pilot', 'istio.io/rev': rev.revision, 'app.kubernetes.io/version': rev.version, 'operator.istio.io/component': 'Pilot' },
      deploymentLabels: { app: 'istiod', istio: 'pilot', 'istio.io/rev': rev.revision, 'app.kubernetes.io/name': 'istiod', 'app.kubernetes.io/version': rev.version },
      selector,
      replicas: rev.replicas,
      serviceAccount: `istiod${rev.revision === 'default' ? '' : `-${rev.revision}`}`,
      image: `docker.io/istio/pilot:${rev.version}`,
      containerPorts: [8080, 15010, 15012, 15014, 15017],
    });
    services.push({
      name,
      namespace: ISTIO_SYSTEM,
      clusters: [cluster.name],
      labels: { app: 'istiod', istio: 'pilot', 'istio.io/rev': rev.revision, 'app.kubernetes.io/version': rev.version },
      selector,
      ports: [
        { name: 'grpc-xds', port: 15010 },
        { name: 'https-dns', port: 15012 },
        { name: 'https-webhook', port: 443, targetPort: 15017 },
        { name: 'http-monitoring', port: 15014 },
      ],
    });
  }
  const gwLabels = { app: EASTWEST_NAME, istio: 'eastwestgateway', 'topology.istio.io/network': cluster.network };
  const defaultRev = cluster.revisions[0];
  workloads.push({
    cluster: cluster.name,
    namespace: ISTIO_SYSTEM,
    name: EASTWEST_NAME,
    labels: { ...gwLabels, 'sidecar.istio.io/inject': 'false' },
    deploymentLabels: gwLabels,
    selector: { app: EASTWEST_NAME, istio: 'eastwestgateway' },
    replicas: 1,
    serviceAccount: 'istio-eastwestgateway-service-account',
    image: `docker.io/istio/proxyv2:${defaultRev?.version ?? '1.30.3'}`,
    containerPorts: [15021, 15443, 15012, 15017, 15090],
    proxyMode: 'router',
  });
  services.push({
    name: EASTWEST_NAME,
    namespace: ISTIO_SYSTEM,
    clusters: [cluster.name],
    labels: gwLabels,
    selector: { app: EASTWEST_NAME, istio: 'eastwestgateway' },
    ports: [
      { name: 'status-port', port: 15021 },
      { name: 'tls', port: 15443 },
      { name: 'tls-istiod', port: 15012 },
      { name: 'tls-webhook', port: 15017 },
    ],
  });
  return { namespace: { cluster: cluster.name, name: ISTIO_SYSTEM }, workloads, services };
}

/** Mesh config ConfigMaps (one per revision) and the cross-network Gateway from the Istio sample. */
export function controlPlaneObjects(cluster: ClusterSpec, mesh: MeshSpec): KubeObject[] {
  const out: KubeObject[] = [];
  for (const rev of cluster.revisions) {
    const meshConfig = {
      defaultConfig: { discoveryAddress: `${istiodName(rev.revision)}.istio-system.svc:15012`, meshId: mesh.id, proxyMetadata: {} },
      trustDomain: mesh.trustDomain,
      enablePrometheusMerge: true,
      rootNamespace: ISTIO_SYSTEM,
    };
    out.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: rev.revision === 'default' ? 'istio' : `istio-${rev.revision}`, namespace: ISTIO_SYSTEM, labels: { 'istio.io/rev': rev.revision, release: 'istio' } },
      data: { mesh: stringify(meshConfig), meshNetworks: 'networks: {}\n' },
    });
  }
  for (const gw of loadVendoredYaml('istio', 'samples', 'expose-services.yaml')) {
    gw.metadata.namespace = ISTIO_SYSTEM;
    out.push(gw);
  }
  return out;
}

/** The `istio-ca-root-cert` ConfigMap Istio writes into a namespace. */
export function rootCertConfigMap(namespace: string, rootPem: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'istio-ca-root-cert', namespace, labels: { 'istio.io/config': 'true' } },
    data: { 'root-cert.pem': rootPem },
  };
}

/** The remote secret through which a primary's istiod reads `peer`. */
export function remoteSecret(peer: ApiEndpoint, caPem: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `istio-remote-secret-${peer.cluster}`,
      namespace: ISTIO_SYSTEM,
      labels: { 'istio/multiCluster': 'true' },
      annotations: { 'networking.istio.io/cluster': peer.cluster },
    },
    type: 'Opaque',
    // As istioctl create-remote-secret writes it: one context named after the cluster.
    data: { [peer.cluster]: Buffer.from(kubeconfigFor({ clusterName: peer.cluster, url: peer.url, caCertPem: caPem, token: peer.token, user: peer.cluster })).toString('base64') },
  };
}
