import { parse as parseYaml } from 'yaml';
import { list, num, obj, str, strings } from './spec';
import type {
  ClusterView, ConfigObject, ControlPlaneView, DeploymentView, MeshConfigView, NamespaceView, NodeView, PodView, RootCertView, SecretView, ServiceView,
} from './types';

/** Fingerprint and expiry of a PEM certificate; supplied by the caller because lib/ has no X.509 parser. */
export type CertSummary = (pem: string) => { fingerprint: string; notAfter: string };

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
const CUSTOM_GROUPS = /(^|\.)istio\.io$|^admiral\.io$/;

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
  };
}

function meshConfig(name: string, data: Record<string, unknown> | undefined): MeshConfigView {
  const rec: MeshConfigView = { name, revision: name === 'istio' ? 'default' : name.slice('istio-'.length) };
  try {
    const m = obj(parseYaml(str(data?.mesh) ?? '') as unknown);
    rec.meshId = str(obj(m?.defaultConfig)?.meshId) ?? str(m?.meshId);
    rec.trustDomain = str(m?.trustDomain);
  } catch {
    // An unreadable mesh config leaves the identity unknown.
  }
  return rec;
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
 * parsed from YAML). Workload controllers stand in for their pods (one pod per
 * template), so selectors are checked against what would run; istiod
 * Deployments become control planes with the version of their image.
 */
export function clusterFromManifests(name: string, objects: Iterable<unknown>, certSummary?: CertSummary): ClusterView {
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
  for (const raw of latestByName(objects)) {
    const o = obj(raw);
    const kind = str(o?.kind);
    if (!o || !kind) continue;
    const m = meta(o);
    const ns = m.namespace ?? 'default';
    const [group, version] = (str(o.apiVersion) ?? 'v1').includes('/') ? (str(o.apiVersion) ?? '').split('/') as [string, string] : ['', str(o.apiVersion) ?? 'v1'];
    if (CUSTOM_GROUPS.test(group)) {
      config.push({ group, version, kind, namespace: m.namespace ?? 'default', name: m.name, labels: m.labels, annotations: m.annotations, spec: o.spec ?? {} });
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
        secrets.push({ namespace: ns, name: m.name, labels: m.labels, annotations: m.annotations, dataKeys: Object.keys({ ...obj(o.data), ...obj(o.stringData) }).sort() });
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
        } else if (ns === 'istio-system' && (m.name === 'istio' || m.name.startsWith('istio-'))) {
          meshConfigs.push(meshConfig(m.name, data));
        }
        break;
      }
      default:
        if (!WORKLOAD_KINDS.has(kind)) break;
        deployments.push({ namespace: ns, name: m.name, labels: m.labels, annotations: m.annotations });
        const template = obj(obj(o.spec)?.template);
        const tm = meta(template ?? {});
        const pod = podOf(ns, `${m.name}-template`, tm.labels, tm.annotations, obj(template?.spec), undefined, { kind, name: m.name });
        pods.push(pod);
        if (kind === 'Deployment' && tm.labels.app === 'istiod') {
          controlPlanes.push({ revision: tm.labels['istio.io/rev'] ?? 'default', namespace: ns, state: 'pending', version: pod.proxyVersion, clusters: [], gateways: [], proxies: [] });
        }
    }
  }
  const istioSystem = namespaces.find((n) => n.name === 'istio-system');
  const mesh = (meshConfigs.find((c) => c.revision === 'default') ?? meshConfigs[0])?.meshId;
  return {
    name, mesh, network: istioSystem?.labels['topology.istio.io/network'], complete: true,
    namespaces, services, pods, deployments, nodes, config, rootCerts, secrets, meshConfigs, controlPlanes,
  };
}
