import { parse as parseYaml } from 'yaml';
import { list, num, obj, str, strings } from './spec';
import { IGNORED_NAMESPACES, MESH_CONFIG_DEFAULTS } from './mesh-config';
import type {
  ClusterView, ConfigObject, ControlPlaneView, DeploymentView, KubeResource, MeshConfigView, NamespaceView, NodeView, PodView, RootCertView, SecretView, ServiceView,
} from './types';

/** Fingerprint and validity of a PEM certificate (throws when it is none); supplied by the caller because lib/ has no X.509 parser. */
export type CertSummary = (pem: string) => { fingerprint: string; notAfter: string; notBefore?: string };

/** A Secret value as text: `data` is base64, `stringData` plain. */
function secretValue(o: Record<string, unknown>, key: string): string {
  const plain = str(obj(o.stringData)?.[key]);
  if (plain !== undefined) return plain;
  const b64 = str(obj(o.data)?.[key]);
  if (!b64) return '';
  try {
    return atob(b64.replace(/\s+/g, ''));
  } catch {
    return '';
  }
}

/** The certificate Istio would serve from a Secret, as istiod picks it (generic cert/key first, then tls.crt/tls.key). */
function servingCertificate(o: Record<string, unknown>, certSummary: CertSummary): NonNullable<SecretView['certificate']> {
  const pair = [['cert', 'key'], ['tls.crt', 'tls.key']].find(([c, k]) => secretValue(o, c!) && secretValue(o, k!));
  if (!pair) return { error: 'no non-empty cert/key or tls.crt/tls.key pair' };
  const pem = secretValue(o, pair[0]!);
  const block = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!block) return { error: `${pair[0]} holds no PEM certificate` };
  try {
    const { notAfter, notBefore } = certSummary(block);
    return { notAfter, ...(notBefore ? { notBefore } : {}) };
  } catch (err) {
    return { error: `${pair[0]} is not a readable certificate: ${(err as Error).message}` };
  }
}

/** How manifests become a cluster view; the defaults are istioctl's file mode. */
export interface ManifestOptions {
  certSummary?: CertSummary;
  /**
   * Workload controllers stand in for their pods (one per template), so
   * selectors are checked against what would run. Off by default: istioctl
   * sees only Pod objects.
   */
  podsFromWorkloads?: boolean;
  /** Adds istioctl's stand-in ingress gateway (a pod and Service in the Istio namespace) unless the mesh config turns ingress off. Default true. */
  defaultResources?: boolean;
  /** Reads only configuration from the files, dropping Services, Pods, Namespaces, Nodes and Secrets, as `istioctl analyze --use-kube=false` does. */
  configOnly?: boolean;
  /** A mesh config (MeshConfig YAML, parsed) that takes precedence over one among the manifests. */
  meshConfig?: Record<string, unknown>;
  /** A MeshNetworks config (parsed). */
  meshNetworks?: Record<string, unknown>;
  /** The Istio namespace (default istio-system). */
  istioNamespace?: string;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
const CUSTOM_GROUPS = /(^|\.)istio\.io$|^admiral\.io$|^gateway\.networking\.(x-)?k8s\.io$/;
/** Kinds istioctl's file mode leaves out (kuberesource.DefaultExcludedSchemas). */
const RUNTIME_KINDS = new Set(['Service', 'Namespace', 'Node', 'Pod', 'Secret']);

/** istioctl's stand-in ingress gateway for files-only analysis (pkg/config/analysis/local/defaults.go). */
function defaultIngress(namespace: string, service: string): unknown[] {
  const port = (name: string, p: number) => ({ name, port: p, protocol: 'TCP', targetPort: p });
  return [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${service}-dummypod`, namespace, labels: { istio: 'ingressgateway' } }, spec: { containers: [{ name: 'istio-proxy' }] } },
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: service, namespace },
      spec: { selector: { istio: 'ingressgateway' }, ports: [port('http2', 80), port('https', 443), port('tcp', 31400), port('tls', 15443)] },
    },
  ];
}

/** The parsed `mesh` key of a mesh config ConfigMap, or undefined. */
function parsedMesh(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  try {
    return obj(parseYaml(str(data?.mesh) ?? '') as unknown);
  } catch {
    return undefined;
  }
}

/** The tag of an image ('docker.io/istio/proxyv2:1.24.1' -> '1.24.1'). */
function tag(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const ref = image.split('@')[0]!;
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : undefined;
}

function meta(o: Record<string, unknown>) {
  const m = obj(o.metadata) ?? {};
  return { name: str(m.name) ?? '', namespace: str(m.namespace), labels: strings(m.labels), annotations: strings(m.annotations) };
}

function podOf(namespace: string, name: string, labels: Record<string, string>, annotations: Record<string, string>, spec: Record<string, unknown> | undefined, status: Record<string, unknown> | undefined, workload?: { kind: string; name: string }): PodView {
  const containers = [...list(spec?.containers), ...list(spec?.initContainers)].map((c) => obj(c) ?? {});
  const proxy = containers.find((c) => c.name === 'istio-proxy');
  const conditions = list(status?.conditions).map((c) => obj(c) ?? {});
  // A manifest without status describes a pod as it would run: count it ready.
  const ready = status ? conditions.some((c) => c.type === 'Ready' && c.status === 'True') : true;
  const istiod = labels.app === 'istiod';
  return {
    namespace, name, labels, annotations, ready,
    phase: str(status?.phase) ?? 'Running',
    nodeName: str(spec?.nodeName),
    workload,
    hasProxy: !!proxy,
    proxyVersion: tag(str(proxy?.image) ?? (istiod ? str(containers[0]?.image) : undefined)),
    spec: spec ?? {},
  };
}

function service(namespace: string, m: ReturnType<typeof meta>, o: Record<string, unknown>): ServiceView {
  const spec = obj(o.spec) ?? {};
  const addrs = list(obj(obj(o.status)?.loadBalancer)?.ingress).map((i) => str(obj(i)?.ip) ?? str(obj(i)?.hostname)).filter((a): a is string => !!a);
  for (const ip of list(spec.externalIPs)) if (typeof ip === 'string') addrs.push(ip);
  return {
    namespace, name: m.name, type: str(spec.type) ?? 'ClusterIP', clusterIP: str(spec.clusterIP),
    ports: list(spec.ports).map((p) => obj(p) ?? {}).map((p) => ({
      name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP',
      targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined, appProtocol: str(p.appProtocol),
    })),
    selector: spec.selector === undefined ? undefined : strings(spec.selector),
    labels: m.labels, annotations: m.annotations, externalAddresses: addrs,
    ...(o.status === undefined ? {} : { status: o.status }),
  };
}

function meshConfig(name: string, m: Record<string, unknown> | undefined): MeshConfigView {
  // An unreadable mesh config leaves the identity unknown.
  return { name, revision: name === 'istio' ? 'default' : name.slice('istio-'.length), meshId: str(obj(m?.defaultConfig)?.meshId) ?? str(m?.meshId), trustDomain: str(m?.trustDomain) };
}

/** Objects in order with later ones of the same kind, namespace and name replacing earlier ones, as applying them would. */
function latestByName(objects: Iterable<unknown>): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const raw of objects) {
    const o = obj(raw);
    const m = obj(o?.metadata);
    byKey.set(`${str(o?.apiVersion)?.split('/')[0]}/${str(o?.kind)}/${str(m?.namespace) ?? ''}/${str(m?.name) ?? ''}`, raw);
  }
  return [...byKey.values()];
}

/**
 * Builds the analysis view of one cluster from Kubernetes manifests (objects
 * parsed from YAML), the way istioctl's file mode reads them (see
 * ManifestOptions); istiod Deployments become control planes with the
 * version of their image.
 */
export function clusterFromManifests(name: string, objects: Iterable<unknown>, options: ManifestOptions = {}): ClusterView {
  const { certSummary, podsFromWorkloads = false, defaultResources = true, configOnly = false } = options;
  const istioNamespace = options.istioNamespace ?? 'istio-system';
  const namespaces: NamespaceView[] = [];
  const services: ServiceView[] = [];
  const pods: PodView[] = [];
  const deployments: DeploymentView[] = [];
  const nodes: NodeView[] = [];
  const config: ConfigObject[] = [];
  const rootCerts: RootCertView[] = [];
  const secrets: SecretView[] = [];
  const meshConfigs: MeshConfigView[] = [];
  const controlPlanes: ControlPlaneView[] = [];
  const resources: KubeResource[] = [];
  let fileMesh: Record<string, unknown> | undefined;
  const all = [...objects];
  const meshOf = (): Record<string, unknown> => ({ ...MESH_CONFIG_DEFAULTS, ...fileMesh, ...options.meshConfig });
  // The mesh config decides the stand-in ingress, so read it first.
  for (const raw of all) {
    const o = obj(raw);
    const m = meta(o ?? {});
    if (str(o?.kind) === 'ConfigMap' && m.name === 'istio' && (m.namespace ?? 'default') === istioNamespace) fileMesh = parsedMesh(obj(o?.data));
  }
  if (defaultResources && !configOnly && meshOf().ingressControllerMode !== 'OFF') all.unshift(...defaultIngress(istioNamespace, str(meshOf().ingressService) ?? 'istio-ingressgateway'));
  for (const raw of latestByName(all)) {
    const o = obj(raw);
    const kind = str(o?.kind);
    if (!o || !kind) continue;
    const m = meta(o);
    const ns = m.namespace ?? 'default';
    if (IGNORED_NAMESPACES.has(kind === 'Namespace' ? m.name : ns)) continue;
    if (configOnly && RUNTIME_KINDS.has(kind) && !str(o.apiVersion)?.includes('/')) continue;
    const [group, version] = (str(o.apiVersion) ?? 'v1').includes('/') ? (str(o.apiVersion) ?? '').split('/') as [string, string] : ['', str(o.apiVersion) ?? 'v1'];
    if (CUSTOM_GROUPS.test(group)) {
      config.push({ group, version, kind, namespace: m.namespace ?? 'default', name: m.name, labels: m.labels, annotations: m.annotations, spec: o.spec ?? {}, ...(o.status === undefined ? {} : { status: o.status }) });
      continue;
    }
    switch (kind) {
      case 'Namespace':
        namespaces.push({ name: m.name, labels: m.labels, annotations: m.annotations });
        break;
      case 'Service':
        services.push(service(ns, m, o));
        break;
      case 'Pod':
        pods.push(podOf(ns, m.name, m.labels, m.annotations, obj(o.spec), obj(o.status)));
        break;
      case 'Node': {
        const l = m.labels;
        nodes.push({ name: m.name, region: l['topology.kubernetes.io/region'], zone: l['topology.kubernetes.io/zone'] });
        break;
      }
      case 'Secret':
        secrets.push({
          namespace: ns, name: m.name, labels: m.labels, annotations: m.annotations, dataKeys: Object.keys({ ...obj(o.data), ...obj(o.stringData) }).sort(), type: str(o.type) ?? 'Opaque',
          ...(certSummary ? { certificate: servingCertificate(o, certSummary) } : {}),
        });
        break;
      case 'ConfigMap': {
        const data = obj(o.data);
        if (m.name === 'istio-ca-root-cert') {
          const pem = str(data?.['root-cert.pem']);
          let rc: RootCertView = { namespace: ns, error: pem ? 'certificate not parsed' : 'root-cert.pem missing' };
          if (pem && certSummary) {
            try {
              rc = { namespace: ns, ...certSummary(pem) };
            } catch (err) {
              rc = { namespace: ns, error: `root-cert.pem unreadable: ${(err as Error).message}` };
            }
          }
          rootCerts.push(rc);
        } else if (ns === istioNamespace && (m.name === 'istio' || m.name.startsWith('istio-')) && typeof data?.mesh === 'string') {
          meshConfigs.push(meshConfig(m.name, parsedMesh(data)));
        }
        resources.push(resource(o, m));
        break;
      }
      default: {
        if (!WORKLOAD_KINDS.has(kind) || (group !== 'apps' && group !== 'batch')) {
          resources.push(resource(o, m));
          break;
        }
        deployments.push({ namespace: ns, name: m.name, labels: m.labels, annotations: m.annotations, spec: o.spec ?? {}, kind });
        const template = obj(obj(o.spec)?.template);
        const tm = meta(template ?? {});
        const pod = podOf(ns, `${m.name}-template`, tm.labels, tm.annotations, obj(template?.spec), undefined, { kind, name: m.name });
        if (podsFromWorkloads) pods.push(pod);
        if (kind === 'Deployment' && tm.labels.app === 'istiod') {
          controlPlanes.push({ revision: tm.labels['istio.io/rev'] ?? 'default', namespace: ns, state: 'pending', version: pod.proxyVersion, clusters: [], gateways: [], proxies: [] });
        }
      }
    }
  }
  const istioSystem = namespaces.find((n) => n.name === istioNamespace);
  const mesh = (meshConfigs.find((c) => c.revision === 'default') ?? meshConfigs[0])?.meshId;
  return {
    name, mesh, network: istioSystem?.labels['topology.istio.io/network'], complete: true,
    namespaces, services, pods, deployments, nodes, config, rootCerts, secrets, meshConfigs, controlPlanes,
    resources, meshConfig: { ...fileMesh, ...options.meshConfig }, istioNamespace,
    ...(options.meshNetworks ? { meshNetworks: options.meshNetworks } : {}),
  };
}

function resource(o: Record<string, unknown>, m: ReturnType<typeof meta>): KubeResource {
  return { apiVersion: str(o.apiVersion) ?? 'v1', kind: str(o.kind) ?? '', namespace: m.namespace ?? '', name: m.name, labels: m.labels, annotations: m.annotations, body: o };
}
