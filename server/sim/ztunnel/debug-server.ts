/**
 * ztunnel's admin port (15000) for one ztunnel pod, as an unstarted
 * http.Server the API server's pod port-forward hands connections to.
 * `GET /config_dump` answers the JSON `istioctl ztunnel-config` reads
 * (istioctl/pkg/writer/ztunnel/configdump/api.go): the cluster's workloads
 * and services as istiod pushes them to ztunnel, no policies, and the
 * certificates of the ambient identities on this ztunnel's node.
 * Computed from the store, rendered once per resourceVersion.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { podDataplane, waypointFor, waypointTrafficType, WAYPOINT_CLASS, type WaypointRef } from '../../../lib/fleet/dataplane';
import type { ClusterStore, KubeObject } from '../kube/types';
import { podHasProxy as hasProxy, podIsReady as ready, podWorkloadName } from '../telemetry/pod-facts';

export interface ZtunnelDebugOptions {
  cluster: string;
  /** The ztunnel pod in istio-system this admin port belongs to. */
  podName: string;
  store: ClusterStore;
  trustDomain: string;
}

type Labels = Record<string, string> | undefined;

interface PodSpec {
  nodeName?: string;
  serviceAccountName?: string;
}

interface PodStatus {
  podIP?: string;
}

interface ServiceSpec {
  clusterIP?: string;
  selector?: Record<string, string>;
  ports?: Array<{ port: number; targetPort?: number | string }>;
}

/** Istio workload certificates live 24 h and are renewed at half-life. */
const CERT_TTL_MS = 24 * 3_600_000;
const RENEW_MS = CERT_TTL_MS / 2;

const podSpec = (p: KubeObject) => (p.spec ?? {}) as PodSpec;
const podStatus = (p: KubeObject) => (p.status ?? {}) as PodStatus;
const matches = (labels: Labels, selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function workloadType(pod: KubeObject): string {
  const kind = (pod.metadata.ownerReferences as Array<{ kind?: string }> | undefined)?.[0]?.kind;
  if (kind === 'ReplicaSet') return 'deployment';
  if (kind === 'DaemonSet') return 'daemonset';
  if (kind === 'StatefulSet') return 'statefulset';
  if (kind === 'Job') return 'job';
  return 'pod';
}

/** A certificate's fields as ztunnel prints them (times RFC 3339 without fractions, serial in decimal). */
function certOf(pem: string): { pem: string; serialNumber: string; validFrom: string; expirationTime: string } | undefined {
  try {
    const x = new X509Certificate(pem);
    const time = (s: string) => new Date(s).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { pem, serialNumber: BigInt(`0x${x.serialNumber}`).toString(10), validFrom: time(x.validFrom), expirationTime: time(x.validTo) };
  } catch {
    return undefined;
  }
}

/** Creates the (unstarted) admin server of one ztunnel pod. */
export function createZtunnelDebugServer(o: ZtunnelDebugOptions): Server {
  const selfPod = () => o.store.get('v1', 'Pod', 'istio-system', o.podName);

  const configDump = (nowMs: number) => {
    const self = selfPod();
    const node = self ? podSpec(self).nodeName : undefined;
    const nsLabels = new Map<string, Labels>(o.store.list('v1', 'Namespace').map((n) => [n.metadata.name, n.metadata.labels]));
    const nodes = new Map(o.store.list('v1', 'Node').map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
    const defaultNetwork = nsLabels.get('istio-system')?.['topology.istio.io/network'] ?? '';

    // A waypoint's address as ztunnel gets it: "<namespace>/<hostname>", for the waypoints that take this kind of traffic.
    const waypointAddress = (ref: WaypointRef | undefined, kind: 'service' | 'workload'): { destination: string } | undefined => {
      if (!ref) return undefined;
      const gw = o.store.get('gateway.networking.k8s.io/v1', 'Gateway', ref.namespace, ref.name);
      if ((gw?.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName !== WAYPOINT_CLASS) return undefined;
      const takes = waypointTrafficType(gw?.metadata.labels);
      if (takes !== kind && takes !== 'all') return undefined;
      return { destination: `${ref.namespace}/${ref.name}.${ref.namespace}.svc.cluster.local` };
    };

    const pods = o.store.list('v1', 'Pod').filter((p) => podStatus(p).podIP);
    const uidOf = (p: KubeObject) => `${o.cluster}//Pod/${p.metadata.namespace}/${p.metadata.name}`;
    const networkOf = (p: KubeObject) => p.metadata.labels?.['topology.istio.io/network'] ?? defaultNetwork;
    const ambient = (p: KubeObject) => podDataplane({ hasProxy: hasProxy(p), labels: p.metadata.labels, annotations: p.metadata.annotations }, nsLabels.get(p.metadata.namespace ?? '')) === 'ambient';

    const workloads = pods.map((p) => {
      const ns = p.metadata.namespace ?? '';
      const labels = p.metadata.labels ?? {};
      const name = podWorkloadName(p);
      const nodeName = podSpec(p).nodeName ?? '';
      const nodeLabels = nodes.get(nodeName) ?? {};
      const isAmbient = ambient(p);
      const waypoint = isAmbient ? waypointAddress(waypointFor(ns, labels, nsLabels.get(ns)), 'workload') : undefined;
      const network = networkOf(p);
      return {
        uid: uidOf(p),
        workloadIps: [podStatus(p).podIP ?? ''],
        ...(waypoint ? { waypoint } : {}),
        protocol: isAmbient ? 'HBONE' : 'TCP',
        name: p.metadata.name,
        namespace: ns,
        serviceAccount: podSpec(p).serviceAccountName ?? 'default',
        workloadName: name,
        workloadType: workloadType(p),
        canonicalName: labels['service.istio.io/canonical-name'] ?? labels.app ?? name,
        canonicalRevision: labels['service.istio.io/canonical-revision'] ?? labels.version ?? 'latest',
        clusterId: o.cluster,
        trustDomain: o.trustDomain,
        locality: { region: nodeLabels['topology.kubernetes.io/region'] ?? '', zone: nodeLabels['topology.kubernetes.io/zone'] ?? '' },
        node: nodeName,
        ...(network ? { network } : {}),
        status: ready(p) ? 'Healthy' : 'Unhealthy',
        hostname: '',
        capacity: 1,
      };
    });

    const services = o.store.list('v1', 'Service').flatMap((s) => {
      const spec = (s.spec ?? {}) as ServiceSpec;
      if (!spec.clusterIP || spec.clusterIP === 'None') return [];
      const ns = s.metadata.namespace ?? '';
      const hostname = `${s.metadata.name}.${ns}.svc.cluster.local`;
      const ports: Record<string, number> = {};
      for (const p of spec.ports ?? []) ports[String(p.port)] = typeof p.targetPort === 'number' ? p.targetPort : p.port;
      const endpoints: Record<string, { workloadUid: string; service: string; address: string; port: Record<string, number> }> = {};
      if (spec.selector && Object.keys(spec.selector).length) {
        for (const p of pods) {
          if (p.metadata.namespace !== ns || !matches(p.metadata.labels, spec.selector)) continue;
          const address = `${networkOf(p)}/${podStatus(p).podIP}`;
          endpoints[`${uidOf(p)}:${address}`] = { workloadUid: uidOf(p), service: `${ns}/${hostname}`, address, port: ports };
        }
      }
      const waypoint = waypointAddress(waypointFor(ns, s.metadata.labels, nsLabels.get(ns)), 'service');
      return [{ name: s.metadata.name, namespace: ns, hostname, vips: [`${defaultNetwork}/${spec.clusterIP}`], ports, ...(waypoint ? { waypoint } : {}), endpoints, subjectAltNames: [], ipFamilies: 'IPv4' }];
    });

    // ztunnel holds a certificate per identity of the ambient pods on its node, and tracks those pods.
    const local = pods.filter((p) => node !== undefined && podSpec(p).nodeName === node && ambient(p));
    const rootPem = o.store.get('v1', 'ConfigMap', 'istio-system', 'istio-ca-root-cert')?.data as Record<string, string> | undefined;
    const root = rootPem?.['root-cert.pem'] ? certOf(rootPem['root-cert.pem']) : undefined;
    const issued = Math.floor(nowMs / RENEW_MS) * RENEW_MS;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const identities = [...new Set(local.map((p) => `spiffe://${o.trustDomain}/ns/${p.metadata.namespace}/sa/${podSpec(p).serviceAccountName ?? 'default'}`))].sort();
    const certificates = identities.map((identity) => ({
      identity,
      state: 'Available',
      // The leaf's PEM is not simulated (the mesh's CA key is not in the store); its serial and validity are.
      certChain: [{ pem: '', serialNumber: BigInt(`0x${createHash('sha1').update(`${identity}@${issued}`).digest('hex').slice(0, 32)}`).toString(10), validFrom: iso(issued), expirationTime: iso(issued + CERT_TTL_MS) }],
      rootCerts: root ? [root] : [],
    }));
    const workloadState = Object.fromEntries(
      local.map((p) => [
        uidOf(p),
        { state: 'Up', connections: { inbound: [], outbound: [] }, info: { name: p.metadata.name, namespace: p.metadata.namespace, trustDomain: o.trustDomain, serviceAccount: podSpec(p).serviceAccountName ?? 'default' } },
      ]),
    );
    return { workloads, services, policies: [], certificates, workloadState };
  };

  let rendered: { state: string; text: string } | undefined;
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // A ztunnel that is not running has no admin port: the forwarded connection finds nothing listening.
    const self = selfPod();
    if (!self || !ready(self)) {
      req.socket.destroy();
      return;
    }
    if (path !== '/config_dump') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'GET' }).end('method not allowed\n');
      return;
    }
    try {
      const now = Date.now();
      const state = `${o.store.resourceVersion}|${Math.floor(now / RENEW_MS)}`;
      if (rendered?.state !== state) rendered = { state, text: JSON.stringify(configDump(now), null, 2) };
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(rendered.text) }).end(rendered.text);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
}
