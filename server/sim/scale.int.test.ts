import { afterAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from './runtime';
import { coreApi, istiodPod, kubeConfig, portForwardGet } from './sim-test-support';

let fleet: SimFleet | undefined;
afterAll(async () => {
  await fleet?.stop();
});

describe('a generated fleet at scale', () => {
  it('starts 50 clusters x 200 services x 5 pods and serves them through client-node', async () => {
    const t = Date.now();
    fleet = await startSimFleet({ fleet: { clusters: 50, namespaces: 10, services: 200, pods: 5, seed: 1 } });
    const startMs = Date.now() - t;
    expect(fleet.clusters.length).toBe(50);
    const last = fleet.clusters.at(-1)?.name ?? '';
    const pods = await coreApi(fleet, last).listPodForAllNamespaces();
    expect(pods.items.filter((p) => p.metadata?.namespace?.startsWith('team-')).length).toBe(1000);
    const secrets = await coreApi(fleet, last).listNamespacedSecret({ namespace: 'istio-system', labelSelector: 'istio/multiCluster=true' });
    expect(secrets.items.length).toBe(49);
    const syncz = await portForwardGet(kubeConfig(fleet, last), 'istio-system', await istiodPod(fleet, last), 15014, '/debug/syncz');
    expect((JSON.parse(syncz.body) as unknown[]).length).toBe(1001); // 1000 sidecars + the east-west gateway
    const metrics = await (await fetch(fleet.clusters[0]?.metricsUrl ?? '')).text();
    expect(metrics).toContain('istio_requests_total{reporter="source"');
    console.info(`generated 50x200x5 fleet started in ${startMs} ms; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  }, 180_000);
});
