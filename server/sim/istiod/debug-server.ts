/**
 * istiod's monitoring-port debug endpoints (15014) for one istiod pod, as an
 * unstarted http.Server: the API server's pod port-forward hands it
 * connections. Everything is computed from the cluster stores on each request.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { ClusterStore, KubeObject } from '../kube/types';
import { connectedProxies, istiodVersionOf, TYPE_URLS, XDS_TYPES, type SyncFaults, type XdsType } from './proxies';

/** What a remote cluster looks like to this istiod through its remote secret. */
export interface PeerView {
  store: ClusterStore;
  /** As `istioctl remote-clusters` prints: synced, syncing, timeout, closed. */
  syncStatus: 'synced' | 'syncing' | 'timeout' | 'closed';
}

export interface IstiodDebugOptions {
  cluster: string;
  podName: string;
  revision: string;
  store: ClusterStore;
  /** Nonce prefix, e.g. the fleet start time '2024-05-01T10:00:00Z'. */
  nonceBase: string;
  /** Remote clusters by id (the keys of remote secrets). */
  peer: (clusterId: string) => PeerView | undefined;
  /** Per-proxy sync faults (shared, mutated by scenarios). */
  syncFaults: SyncFaults;
  trustDomain: string;
}

function remoteSecrets(store: ClusterStore): Array<{ id: string; secretName: string }> {
  return store
    .list('v1', 'Secret', 'istio-system')
    .filter((s) => s.metadata.labels?.['istio/multiCluster'] === 'true')
    .flatMap((s) => Object.keys((s.data as Record<string, string> | undefined) ?? {}).map((id) => ({ id, secretName: `istio-system/${s.metadata.name}` })));
}

/** The Istio build string istiod's /version prints. */
export function versionString(version: string): string {
  const sha = createHash('sha1').update(version).digest('hex');
  return `${version}-${sha}-go1.26.0-Clean-${version}`;
}

/** Creates the (unstarted) debug server of one istiod pod. */
export function createIstiodDebugServer(o: IstiodDebugOptions): Server {
  const selfPod = () => o.store.get('v1', 'Pod', 'istio-system', o.podName);
  const visibleStores = (): Array<{ id: string; store: ClusterStore }> => {
    const out = [{ id: o.cluster, store: o.store }];
    for (const s of remoteSecrets(o.store)) {
      const p = o.peer(s.id);
      if (p && p.syncStatus === 'synced') out.push({ id: s.id, store: p.store });
    }
    return out;
  };

  const syncz = () => {
    const nonce = (n: number) => `${o.nonceBase}/${n}`;
    const push = o.store.resourceVersion;
    return connectedProxies(o.store, o.podName, o.revision).map((p) => {
      const faults = o.syncFaults.get(p.id) ?? {};
      const entry: Record<string, unknown> = {
        cluster_id: o.cluster,
        proxy: p.id,
        proxy_type: p.type,
        proxy_version: p.version,
        istio_version: p.version,
      };
      const resources: Record<string, { sent: string; acked: string }> = {};
      for (const t of XDS_TYPES) {
        const f = faults[t];
        const sent = f === 'NOT_SENT' ? '' : nonce(push);
        const acked = f === 'NOT_SENT' ? '' : f === 'STALE' ? nonce(Math.max(0, push - 3)) : sent;
        entry[`${t}_sent`] = sent;
        entry[`${t}_acked`] = acked;
        if (sent) resources[TYPE_URLS[t as XdsType]] = { sent, acked };
      }
      entry.resources = resources;
      return entry;
    });
  };

  const clusterz = () => [
    { id: o.cluster, secretName: '', syncStatus: 'synced' },
    ...remoteSecrets(o.store).map((s) => ({ id: s.id, secretName: s.secretName, syncStatus: o.peer(s.id)?.syncStatus ?? 'timeout' })),
  ];

  const networkz = () =>
    visibleStores().flatMap(({ id, store }) =>
      store
        .list('v1', 'Service', 'istio-system')
        .filter((s) => s.metadata.labels?.istio === 'eastwestgateway' && s.metadata.labels['topology.istio.io/network'])
        .flatMap((s) => {
          const ingress = ((s.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined)?.loadBalancer?.ingress ?? []);
          const external = ((s.spec as { externalIPs?: string[] } | undefined)?.externalIPs ?? []);
          const addrs = [...ingress.map((i) => i.ip ?? '').filter(Boolean), ...external];
          return addrs.map((addr) => ({
            Network: s.metadata.labels?.['topology.istio.io/network'] ?? '',
            Cluster: id,
            Addr: addr,
            Port: 15443,
            HBONEPort: 15008,
            ServiceAccount: `spiffe://${o.trustDomain}/ns/istio-system/sa/istio-eastwestgateway-service-account`,
          }));
        }),
    );

  const registryz = () => {
    const byHost = new Map<string, { svc: KubeObject; vips: Record<string, string[]> }>();
    for (const { id, store } of visibleStores()) {
      for (const svc of store.list('v1', 'Service')) {
        const host = `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`;
        const ip = (svc.spec as { clusterIP?: string }).clusterIP ?? '';
        const entry = byHost.get(host) ?? { svc, vips: {} };
        entry.vips[id] = ip ? [ip] : [];
        byHost.set(host, entry);
      }
    }
    return [...byHost].map(([hostname, { svc, vips }]) => {
      const spec = svc.spec as { ports?: Array<{ name?: string; port: number }>; selector?: Record<string, string> };
      return {
        Attributes: { ServiceRegistry: 'Kubernetes', Name: svc.metadata.name, Namespace: svc.metadata.namespace, Labels: svc.metadata.labels ?? {}, LabelSelectors: spec.selector ?? {} },
        ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: protocolOf(p.name ?? '') })),
        creationTime: svc.metadata.creationTimestamp,
        hostname,
        clusterVIPs: { Addresses: vips },
        Resolution: 0,
        MeshExternal: false,
        ResourceVersion: svc.metadata.resourceVersion,
      };
    });
  };

  const connections = () => {
    const clients = connectedProxies(o.store, o.podName, o.revision).map((p, i) => ({
      connectionId: `${p.type}~${p.ip}~${p.id}~${p.pod.metadata.namespace}.svc.cluster.local-${i + 1}`,
      connectedAt: `${o.nonceBase}`,
      address: `${p.ip}:${40000 + (i % 20000)}`,
      labels: p.pod.metadata.labels ?? {},
    }));
    return { totalClients: clients.length, clients };
  };

  // Each answer is rendered once per state of what it is computed from: at L one simulator process answers
  // the polls of 200 istiods of ~2,500 proxies each, and rendering them on every request starved its API servers.
  const rendered = new Map<string, { state: string; text: string }>();
  const stateKey = () => {
    const peers = remoteSecrets(o.store).map((s) => {
      const p = o.peer(s.id);
      return `${s.id}:${p?.syncStatus ?? '-'}:${p?.store.resourceVersion ?? '-'}`;
    });
    const faults = o.syncFaults.size ? JSON.stringify([...o.syncFaults]) : '';
    return `${o.store.resourceVersion}|${peers.join(',')}|${faults}`;
  };

  const routes: Record<string, () => unknown> = {
    '/debug/syncz': syncz,
    '/debug/clusterz': clusterz,
    '/debug/networkz': networkz,
    '/debug/registryz': registryz,
    '/debug/connections': connections,
  };

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/version') {
      const text = versionString(istiodVersionOf(selfPod()));
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
      return;
    }
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    try {
      const state = stateKey();
      let hit = rendered.get(path);
      if (hit?.state !== state) rendered.set(path, (hit = { state, text: JSON.stringify(route(), null, 1) }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(hit.text) }).end(hit.text);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
}

function protocolOf(portName: string): string {
  const prefix = portName.split('-')[0]?.toLowerCase() ?? '';
  const known: Record<string, string> = { http: 'HTTP', http2: 'HTTP2', grpc: 'GRPC', https: 'HTTPS', tls: 'TLS', tcp: 'TCP', mongo: 'Mongo', redis: 'Redis', mysql: 'MySQL' };
  return known[prefix] ?? 'UnsupportedProtocol';
}
