/**
 * The running simulated fleet: per cluster a store with istiod's Gateway
 * status writer, a Kubernetes API server (HTTPS, port-forward to istiod's
 * debug server and ztunnel's admin port) and a metrics endpoint; one traffic
 * model; a kubeconfig; an admin HTTP endpoint; named scenarios.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCluster, FleetIndex } from './fleet/build-cluster';
import { demoFleet } from './fleet/demo-fleet';
import { generatedFleet, type GeneratedFleetOptions } from './fleet/generated-fleet';
import { remoteSecret } from './fleet/istio-system';
import type { FleetSpec } from './fleet/types';
import { startGatewayStatusController } from './gateway-status/controller';
import { createIstiodDebugServer, type PeerView } from './istiod/debug-server';
import type { SyncFaults } from './istiod/proxies';
import { startKubeApiServer } from './kube/api-server';
import { deepFreeze } from './kube/object-utils';
import { installVendoredCrds } from './kube/vendored-crds';
import { createClusterStore, type MemoryClusterStore } from './kube/store';
import type { KubeApiServer, KubeObject, TokenSpec } from './kube/types';
import { parseManifests } from './kube/yaml-loader';
import { fleetKubeconfig } from './kubeconfig';
import { createCa } from './pki';
import { startAdminServer } from './admin-server';
import { ScenarioRunner } from './scenarios/runner';
import { DataplaneResolver } from './telemetry/dataplane-resolver';
import { startMetricsServer, type MetricsServerHandle } from './telemetry/metrics-server';
import { TrafficModel } from './telemetry/traffic-model';
import { createZtunnelDebugServer } from './ztunnel/debug-server';

export type { GeneratedFleetOptions } from './fleet/generated-fleet';

export interface StartSimFleetOptions {
  /** 'demo' (default) or the sizes of a generated fleet. */
  fleet?: 'demo' | GeneratedFleetOptions;
  /** Scenario to start in (default 'healthy'). */
  scenario?: string;
  /** Where to write the kubeconfig; default a temporary file removed by stop(). */
  kubeconfigOut?: string;
  host?: '127.0.0.1';
  /** _bucket series for the request/response size histograms (default: true for the demo fleet, false for generated fleets, to keep scrapes cheap). */
  sizeHistogramBuckets?: boolean;
}

/** One running simulated cluster. */
export interface SimCluster {
  name: string;
  mesh: string;
  network: string;
  region: string;
  /** https://127.0.0.1:<port> */
  apiUrl: string;
  /** http://127.0.0.1:<port>/stats/prometheus */
  metricsUrl: string;
  store: MemoryClusterStore;
  api: KubeApiServer;
  adminToken: string;
  restrictedToken: string;
}

/** A running simulated fleet; call stop() to close every server it started. */
export interface SimFleet {
  spec: FleetSpec;
  clusters: SimCluster[];
  kubeconfigPath: string;
  /** The kubeconfig YAML (contexts `<cluster>` and `<cluster>-restricted`). */
  kubeconfig: string;
  /** PEM of the CA that signed every API server certificate. */
  caPem: string;
  /** Scrape targets: one metrics endpoint per cluster. */
  prometheusTargets: Array<{ cluster: string; url: string }>;
  /** http://127.0.0.1:<port> — GET /scenario, PUT /scenario/{name}, GET /clusters, POST /clusters/{name}/apply */
  adminUrl: string;
  model: TrafficModel;
  readonly scenario: string;
  setScenario(name: string): Promise<void>;
  /** Applies every object of a YAML text to a cluster's store (validated; watches see it). */
  applyYaml(cluster: string, yamlText: string): KubeObject[];
  cluster(name: string): SimCluster;
  stop(): Promise<void>;
}

const token = (): string => randomBytes(18).toString('base64url');

/** The restricted user: read-only, and only in bookinfo and istio-system. */
const restrictedRules: TokenSpec['rules'] = [{ resources: ['*'], namespaces: ['bookinfo', 'istio-system'], verbs: ['get', 'list', 'watch'] }];

/** Starts a simulated fleet on loopback ports. */
export async function startSimFleet(opts: StartSimFleetOptions = {}): Promise<SimFleet> {
  const host = opts.host ?? '127.0.0.1';
  const spec = !opts.fleet || opts.fleet === 'demo' ? demoFleet() : generatedFleet(opts.fleet);
  const startedAt = new Date();
  const nonceBase = startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const apiCa = createCa('meshglass-sim-kube-ca');
  const roots: Record<string, string> = {};
  for (const m of spec.meshes) roots[m.rootId] ??= createCa(`${m.id} root CA`).certPem;
  const index = new FleetIndex(spec);
  const cleanups: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
  };

  try {
    const syncFaults = new Map<string, SyncFaults>();
    const clusters: SimCluster[] = [];
    const debugServers = new Map<string, Server>();
    // Remote secrets carry a read-only istio-reader token, as istioctl create-remote-secret does.
    const readerTokens = new Map<string, string>();
    cleanups.push(() => {
      for (const s of debugServers.values()) s.closeAllConnections();
    });
    const peerView = (id: string): PeerView | undefined => {
      const c = clusters.find((x) => x.name === id);
      if (!c) return undefined;
      const f = c.api.faults;
      return { store: c.store, syncStatus: f.refuseConnections || f.rejectAllTokens ? 'timeout' : f.delayMs > 3000 ? 'syncing' : 'synced' };
    };

    for (const c of spec.clusters) {
      const built = buildCluster(index, c.name, { roots, apiCaPem: apiCa.certPem });
      const store = createClusterStore();
      installVendoredCrds(store);
      for (const o of built.objects) store.apply(o);
      // istiod's status writer for Gateways, routes and waypoint-bound Services; follows the store from here on.
      const statusController = startGatewayStatusController(store);
      cleanups.push(() => statusController.stop());
      const faults: SyncFaults = new Map();
      syncFaults.set(c.name, faults);
      const adminToken = token();
      const restrictedToken = token();
      const readerToken = token();
      const api = await startKubeApiServer({
        clusterName: c.name,
        store,
        gitVersion: c.kubeVersion,
        tokens: [
          { token: adminToken, user: 'sim-admin' },
          { token: restrictedToken, user: 'sim-restricted', rules: restrictedRules },
          { token: readerToken, user: 'system:serviceaccount:istio-system:istio-reader-service-account', rules: [{ resources: ['*'], namespaces: ['*'], verbs: ['get', 'list', 'watch'] }] },
        ],
        tls: { caCertPem: apiCa.certPem, caKeyPem: apiCa.keyPem },
        host,
        port: 0,
        portForward: (namespace, pod, port) => {
          if (namespace !== 'istio-system') return undefined;
          const podObj = store.get('v1', 'Pod', namespace, pod);
          const key = `${c.name}/${pod}`;
          if (port === 15000 && podObj?.metadata.labels?.app === 'ztunnel') {
            let server = debugServers.get(key);
            if (!server) {
              server = createZtunnelDebugServer({ cluster: c.name, podName: pod, store, trustDomain: spec.meshes.find((m) => m.id === c.mesh)?.trustDomain ?? 'cluster.local' });
              debugServers.set(key, server);
            }
            return server;
          }
          if ((port !== 15014 && port !== 8080) || podObj?.metadata.labels?.app !== 'istiod') return undefined;
          let server = debugServers.get(key);
          if (!server) {
            server = createIstiodDebugServer({
              cluster: c.name,
              podName: pod,
              revision: podObj.metadata.labels['istio.io/rev'] ?? 'default',
              store,
              nonceBase,
              peer: peerView,
              syncFaults: faults,
              trustDomain: spec.meshes.find((m) => m.id === c.mesh)?.trustDomain ?? 'cluster.local',
            });
            debugServers.set(key, server);
          }
          return server;
        },
      });
      cleanups.push(() => api.stop());
      clusters.push({ name: c.name, mesh: c.mesh, network: c.network, region: c.region, apiUrl: api.url, metricsUrl: '', store, api, adminToken, restrictedToken });
      readerTokens.set(c.name, readerToken);
    }

    // Multi-primary: every cluster's istiod reads every other cluster of its mesh through a remote secret.
    // A peer's secret is the same in every cluster: built (a kubeconfig YAML) and frozen once, so stores share it.
    const secrets = new Map(clusters.map((p) => [p, deepFreeze(remoteSecret({ cluster: p.name, url: p.apiUrl, token: readerTokens.get(p.name) ?? '' }, apiCa.certPem))]));
    for (const c of clusters) {
      for (const peer of clusters) {
        if (peer === c || peer.mesh !== c.mesh) continue;
        c.store.apply(secrets.get(peer) as KubeObject);
      }
    }

    const model = new TrafficModel(spec);
    const sizeBuckets = opts.sizeHistogramBuckets ?? (!opts.fleet || opts.fleet === 'demo');
    // Who reports each edge (sidecars, ztunnel, waypoints) follows the stores, so scenarios that change them change telemetry.
    const storesByName = new Map(clusters.map((c) => [c.name, c.store]));
    const dataplane = new DataplaneResolver((name) => storesByName.get(name));
    const metrics: MetricsServerHandle[] = await Promise.all(clusters.map((c) => startMetricsServer(model, c.name, host, { sizeBuckets, dataplane })));
    for (const m of metrics) cleanups.push(() => m.stop());
    metrics.forEach((m, i) => {
      const c = clusters[i];
      if (c) c.metricsUrl = m.url;
    });

    const kubeconfig = fleetKubeconfig(
      clusters.map((c) => ({ name: c.name, url: c.apiUrl, adminToken: c.adminToken, restrictedToken: c.restrictedToken })),
      apiCa.certPem,
    );
    let kubeconfigPath = opts.kubeconfigOut;
    if (!kubeconfigPath) {
      const dir = mkdtempSync(join(tmpdir(), 'meshglass-sim-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      kubeconfigPath = join(dir, 'kubeconfig.yaml');
    }
    writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });

    const byName = (name: string): SimCluster => {
      const c = clusters.find((x) => x.name === name);
      if (!c) throw new Error(`unknown cluster "${name}" (have: ${clusters.map((x) => x.name).join(', ')})`);
      return c;
    };
    const runner = new ScenarioRunner({
      spec,
      model,
      clusters: clusters.map((c) => ({ name: c.name, mesh: c.mesh, network: c.network, region: c.region, store: c.store, api: c.api, syncFaults: syncFaults.get(c.name) ?? new Map() })),
    });
    cleanups.push(() => runner.stop());
    const applyYaml = (cluster: string, yamlText: string): KubeObject[] => {
      const store = byName(cluster).store;
      return parseManifests(yamlText).map((o) => store.apply(o));
    };
    const admin = await startAdminServer({ host, runner, clusters: () => clusters, applyYaml });
    cleanups.push(() => admin.stop());
    await runner.set(opts.scenario ?? 'healthy');

    return {
      spec,
      clusters,
      kubeconfigPath,
      kubeconfig,
      caPem: apiCa.certPem,
      prometheusTargets: clusters.map((c) => ({ cluster: c.name, url: c.metricsUrl })),
      adminUrl: admin.url,
      model,
      get scenario() {
        return runner.current;
      },
      setScenario: (name) => runner.set(name),
      applyYaml,
      cluster: byName,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
