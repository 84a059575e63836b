import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { clustersConfigSchema } from '../config/schema';
import { toClusterStatus } from '../clusters/cluster-state';
import { RemoteSecretSource } from '../clusters/sources/remote-secret-source';
import { ClusterManager } from '../clusters/cluster-manager';
import { KubeConfig } from '@kubernetes/client-node';
import { startFleetRuntime, type FleetRuntime } from './fleet-runtime';
import { FleetModel } from './model';
import { diffModelWithStore } from './compare-with-sim';
import { getServices, getService } from './services';
import { getControlPlanes } from './controlplanes';
import { getClusters } from './clusters';
import { fleetEventStream } from './events';
import { ALL } from './scope';

/** Polls until check() is true; fails with `what` after ms. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let sim: SimFleet;
let fleet: FleetRuntime;
const phase = (c: string) => fleet.model.cluster(c)?.view.condition(Date.now()).phase;
const allOk = () => sim.clusters.every((c) => phase(c.name) === 'ok');
const inSync = () => sim.clusters.every((c) => diffModelWithStore(fleet.model, c.name, c.store).length === 0);

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({
    kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }],
    staleAfterSeconds: 4,
    istiodPollSeconds: 1,
    requestTimeoutSeconds: 8,
  });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 }, sourcePollMs: 500 });
  await fleet.started;
  await until(allOk, 30_000, 'every cluster ok');
});

afterAll(async () => {
  fleet?.stop();
  await sim?.stop();
});

describe('fleet runtime against the simulated demo fleet', () => {
  it('holds exactly what every cluster holds', () => {
    for (const c of sim.clusters) expect(diffModelWithStore(fleet.model, c.name, c.store)).toEqual([]);
  });

  it('merges services of the same namespace/name across clusters', () => {
    const payments = getService(fleet.model, ALL, 'payments', 'payments');
    expect(payments?.data.clusters).toEqual(['us-east-1', 'us-west-2']);
    expect(payments?.data.instances.every((i) => i.endpoints.ready > 0)).toBe(true);
    const list = getServices(fleet.model, ALL, { page: 1, pageSize: 500, sort: 'name', namespace: 'payments' });
    expect(list.data.items.filter((s) => s.name === 'payments')).toHaveLength(1);
    expect(Object.keys(list.clusters).sort()).toEqual(sim.clusters.map((c) => c.name).sort());
  });

  it('polls istiod through a port-forward: version, proxies, discovered clusters', async () => {
    await until(() => getControlPlanes(fleet.model, ALL, {}).data.some((cp) => cp.poll.state === 'ok' && cp.proxies.total > 0), 15_000, 'a polled control plane');
    const cp = getControlPlanes(fleet.model, ALL, { cluster: 'us-east-1' }).data[0]!;
    expect(cp.version).toMatch(/^\d+\.\d+/);
    expect(cp.rootCert?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cp.discoveredClusters.length).toBeGreaterThan(0);
  });

  it('derives meshes, networks and east-west gateways', () => {
    const res = getClusters(fleet.model, ALL);
    expect(res.data.meshes.length).toBeGreaterThan(0);
    expect(res.data.networks.flatMap((n) => n.gateways).length).toBeGreaterThan(0);
  });

  it('delivers a change over the event stream', async () => {
    const ac = new AbortController();
    const reader = fleetEventStream(fleet.model, ALL, { signal: ac.signal }).getReader();
    sim.applyYaml('us-east-1', 'apiVersion: v1\nkind: Service\nmetadata: {name: sse-probe, namespace: payments}\nspec: {ports: [{name: http, port: 80}], selector: {app: sse-probe}}\n');
    let text = '';
    const deadline = Date.now() + 3000;
    while (!text.includes('services/payments/sse-probe') && Date.now() < deadline) {
      const r = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((res) => setTimeout(() => res({ value: undefined, done: true }), deadline - Date.now()))]);
      if (r.done) break;
      text += new TextDecoder().decode(r.value);
    }
    ac.abort();
    expect(text).toContain('services/payments/sse-probe');
    expect(text).toMatch(/\nid: \d+\n/);
  });

  describe.each([
    ['cluster-down', 'eu-central-1', ['unreachable']],
    ['token-expired', 'staging-us-east-1', ['unauthorized']],
    ['slow-api', 'us-west-2', ['stale', 'syncing']],
    ['watch-expiry', 'us-east-1', ['ok', 'syncing']],
    ['config-churn', 'us-east-1', ['ok']],
  ])('scenario %s', (scenario, cluster, expected) => {
    it(`drives ${cluster} through ${expected.join('/')} and back, then equals the store`, async () => {
      const seen = new Set<string>();
      const timer = setInterval(() => seen.add(phase(cluster) ?? 'none'), 20);
      try {
        await sim.setScenario(scenario);
        await until(() => expected.some((p) => seen.has(p)) && (expected.includes('ok') || phase(cluster) !== 'ok'), 20_000, `${cluster} ${expected.join('/')}`);
        // Let the fault act a little (a churn tick, an expired watch) before recovery.
        await new Promise((r) => setTimeout(r, scenario === 'config-churn' || scenario === 'watch-expiry' ? 3500 : 500));
        const status = toClusterStatus(fleet.model.cluster(cluster)!.view.condition(Date.now()));
        if (!expected.includes('ok')) expect(status.reason).toBeTruthy();
        await sim.setScenario('healthy');
        await until(() => allOk() && inSync(), 30_000, 'recovery to ok and equal to the stores');
      } finally {
        clearInterval(timer);
      }
      expect(seen.has(expected[0]!) || expected.some((p) => seen.has(p))).toBe(true);
      for (const c of sim.clusters) expect(diffModelWithStore(fleet.model, c.name, c.store)).toEqual([]);
    }, 60_000);
  });
});

describe('remote-secret source', () => {
  it('adds and removes clusters as secrets come and go', async () => {
    const home = new KubeConfig();
    home.loadFromString(sim.kubeconfig);
    home.setCurrentContext('us-east-1');
    const model = new FleetModel();
    const manager = new ClusterManager(
      [new RemoteSecretSource(home, 'us-east-1', 'istio-system', { requestTimeoutMs: 5000, staleAfterMs: 4000 })],
      model,
      { staleAfterMs: 4000, requestTimeoutMs: 5000, istiodPollMs: 60_000, backoff: { baseMs: 100, maxMs: 1000 }, rediscoverMs: 60_000 },
    );
    try {
      await manager.start();
      await until(() => model.clusterNames().includes('us-west-2'), 10_000, 'peers from remote secrets');
      const store = sim.cluster('us-east-1').store;
      const existing = store.get('v1', 'Secret', 'istio-system', 'istio-remote-secret-us-west-2')!;
      const value = Object.values(existing.data as Record<string, string>)[0]!;
      store.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'istio-remote-secret-extra', namespace: 'istio-system', labels: { 'istio/multiCluster': 'true' } }, type: 'Opaque', data: { extra: value } });
      await until(() => model.cluster('extra')?.view.condition(Date.now()).phase === 'ok', 15_000, 'extra cluster ok');
      store.delete('v1', 'Secret', 'istio-system', 'istio-remote-secret-extra');
      await until(() => !model.clusterNames().includes('extra'), 10_000, 'extra cluster removed');
      expect(model.clusterNames()).toContain('us-west-2');
    } finally {
      manager.stop();
    }
  });
});
