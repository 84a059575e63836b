/**
 * The telemetry, topology, services and findings routes called as Next calls
 * them, against the runtime started from a config file: the simulated demo
 * fleet and one real global Prometheus. The Prometheus labels the staging
 * cluster's metrics cluster="staging" (not its fleet name), which MG0018 must
 * report. First a config whose clusters cannot be reached: 503 while syncing.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorSchema, fleetResponseSchema } from '@/lib/api/envelope';
import { findingsResponseSchema } from '@/lib/api/findings';
import { serviceSignalsDetailResponseSchema, serviceSignalsResponseSchema, workloadSignalsResponseSchema } from '@/lib/api/telemetry';
import { topologyResponseSchema } from '@/lib/api/topology';
import { pageSchema } from '@/lib/fleet/paging';
import { serviceSummarySchema } from '@/lib/fleet/services';
import { getAppRuntime } from '@/server/runtime/app-runtime';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { STAGING } from '@/server/sim/fleet/demo-fleet';
import { startPrometheus, type PrometheusHandle } from '@/server/sim/prometheus';
import { startSimFleet, type SimFleet } from '@/server/sim/runtime';
import { GET as findingsGet } from './findings/route';
import { GET as servicesGet } from './services/route';
import { GET as serviceSignalsGet } from './signals/services/route';
import { GET as serviceSignalGet } from './signals/services/[namespace]/[name]/route';
import { GET as statusGet } from './signals/status/route';
import { GET as workloadSignalsGet } from './signals/workloads/route';
import { GET as topologyGet } from './topology/route';
import { call, tempConfig, until } from './route-test-support';

let sim: SimFleet;
let prom: PrometheusHandle;
let cfg: ReturnType<typeof tempConfig>;
const serviceList = fleetResponseSchema(pageSchema(serviceSummarySchema));
const anyEnvelope = fleetResponseSchema(z.unknown());

function configText(kubeconfig: string, promUrl: string): string {
  return `log: {level: silent}
clusters:
  kubeconfigs:
    - path: ${JSON.stringify(kubeconfig)}
      exclude: ['*-restricted']
  staleAfterSeconds: 10
  istiodPollSeconds: 1
  requestTimeoutSeconds: 8
telemetry:
  mode: global
  global: {url: ${JSON.stringify(promUrl)}, clusterLabel: cluster}
  window: 10s
  cacheSeconds: 1
  timeoutSeconds: 5
`;
}

const reviewsRps = async () => {
  const { status, body } = await call(serviceSignalsGet, '/api/v1/signals/services?namespace=bookinfo');
  const reviews = status === 200 ? serviceSignalsResponseSchema.parse(body).data.items.find((s) => s.name === 'reviews') : undefined;
  return reviews?.clusters.find((c) => c.cluster === 'us-east-1')?.signals.rps ?? 0;
};

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  // The staging cluster's series get cluster="staging": a Prometheus external label that does not match the fleet name.
  const targets = sim.prometheusTargets.map((t) => (t.cluster === STAGING ? { ...t, cluster: 'staging' } : t));
  prom = await startPrometheus({ targets, mode: 'global', clusterLabel: 'cluster', scrapeIntervalSeconds: 1 });
  cfg = tempConfig('');
  process.env.MESHGLASS_CONFIG = cfg.file;
}, 60_000);

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  await Promise.all([prom?.stop(), sim?.stop()]);
  cfg?.remove();
});

describe('while no cluster has synced', () => {
  it('topology, signals and findings answer 503 with the envelope', async () => {
    const unreachable = join(dirname(cfg.file), 'unreachable.yaml');
    writeFileSync(unreachable, sim.kubeconfig.replace(/server: \S+/g, 'server: https://127.0.0.1:9'));
    cfg.write(configText(unreachable, prom.url));
    const routes = [
      [topologyGet, '/api/v1/topology'],
      [serviceSignalsGet, '/api/v1/signals/services'],
      [workloadSignalsGet, '/api/v1/signals/workloads'],
      [findingsGet, '/api/v1/findings'],
      [servicesGet, '/api/v1/services'],
    ] as const;
    await until(async () => (await call(topologyGet, '/api/v1/topology')).status === 503, 10_000, 'a 503 while syncing');
    for (const [get, path] of routes) {
      const { status, body } = await call(get, path);
      expect(status, path).toBe(503);
      expect(Object.keys(anyEnvelope.parse(body).clusters).length, path).toBeGreaterThan(0);
    }
    await stopAppRuntime();
  });
});

describe('against the synced demo fleet and Prometheus', () => {
  beforeAll(async () => {
    cfg.write(configText(sim.kubeconfigPath, prom.url));
    await until(async () => (await call(findingsGet, '/api/v1/findings')).status === 200, 30_000, 'the fleet synced');
    await until(async () => (await reviewsRps()) > 4, 40_000, 'reviews traffic in Prometheus');
  }, 80_000);

  it('topology: envelope and app boxes of the versioned-app graph; 400 for bad parameters', async () => {
    const { status, body } = await call(topologyGet, '/api/v1/topology?graphType=versionedApp&namespaces=bookinfo');
    expect(status).toBe(200);
    const { data } = topologyResponseSchema.parse(body);
    const v3 = data.elements.nodes.find((n) => n.data.kind === 'versionedApp' && n.data.cluster === 'us-west-2' && n.data.app === 'reviews' && n.data.version === 'v3');
    expect(v3?.data.parent).toBe('appbox:us-west-2/bookinfo/reviews');
    expect(data.elements.nodes.find((n) => n.data.id === v3?.data.parent)?.data).toMatchObject({ kind: 'appBox', parent: 'ns:us-west-2/bookinfo' });
    for (const q of ['window=1y', 'hops=99', 'graphType=mesh', 'bogus=1']) {
      const bad = await call(topologyGet, `/api/v1/topology?${q}`);
      expect(bad.status, q).toBe(400);
      apiErrorSchema.parse(bad.body);
    }
  });

  it('signals: service list, 404 for an unknown service, range series of a demo service, workloads', async () => {
    expect((await call(serviceSignalsGet, '/api/v1/signals/services?window=1y')).status).toBe(400);
    expect((await call(serviceSignalGet, '/api/v1/signals/services/bookinfo/nope', { namespace: 'bookinfo', name: 'nope' })).status).toBe(404);
    // A fresh Prometheus: the range query's aligned steps may need a few more seconds of samples.
    await until(async () => {
      const detail = await call(serviceSignalGet, '/api/v1/signals/services/bookinfo/reviews?range=5m', { namespace: 'bookinfo', name: 'reviews' });
      const { series } = serviceSignalsDetailResponseSchema.parse(detail.body).data;
      return detail.status === 200 && (series.rps.find((s) => s.cluster === 'us-east-1')?.points.length ?? 0) > 0;
    }, 20_000, 'range series of reviews in us-east-1');
    const wl = await call(workloadSignalsGet, '/api/v1/signals/workloads');
    expect(wl.status).toBe(200);
    const got = new Set(workloadSignalsResponseSchema.parse(wl.body).data.items.map((w) => `${w.cluster}/${w.namespace}/${w.name}`));
    const model = getAppRuntime().model;
    const want = model.clusterNames().flatMap((c) => model.workloads(c).map((w) => `${w.cluster}/${w.namespace}/${w.name}`));
    expect(want.length).toBeGreaterThan(10);
    expect(want.filter((k) => !got.has(k))).toEqual([]);
    expect(got.has('us-east-1/bookinfo/productpage-v1')).toBe(true);
  });

  it('MG0018 names the cluster whose metrics carry another cluster label', async () => {
    await until(async () => {
      const { body } = await call(findingsGet, '/api/v1/findings?code=MG0018');
      return findingsResponseSchema.parse(body).data.items.some((f) => f.clusters.includes(STAGING) && f.message.includes('cluster="staging"'));
    }, 30_000, 'MG0018 for the staging cluster');
    const status = await call(statusGet, '/api/v1/signals/status');
    expect(JSON.stringify(status.body)).toContain('staging');
  });

  it('services list: rows carry signals; error-spike makes details degraded and first by errors', async () => {
    const plain = serviceList.parse((await call(servicesGet, '/api/v1/services?namespace=bookinfo')).body);
    const reviews = plain.data.items.find((s) => s.name === 'reviews');
    expect(reviews?.signals?.rps).toBeGreaterThan(4);
    expect(reviews?.clusterSignals).toBeUndefined();
    const withClusters = serviceList.parse((await call(servicesGet, '/api/v1/services?namespace=bookinfo&include=clusterSignals')).body);
    const reviewsPerCluster = withClusters.data.items.find((s) => s.name === 'reviews');
    expect(reviewsPerCluster?.clusterSignals?.map((c) => c.cluster)).toEqual(reviewsPerCluster?.clusters);
    // Signals are summed per mesh row: staging's reviews is its own row, with only its cluster's signals.
    const byMesh = withClusters.data.items.filter((s) => s.kind === 'Service' && s.name === 'reviews');
    expect(byMesh.map((s) => s.mesh)).toEqual(['prod', 'staging']);
    expect(byMesh[0]?.clusterSignals?.map((c) => c.cluster)).not.toContain(STAGING);
    expect(byMesh[1]?.clusterSignals?.map((c) => c.cluster)).toEqual([STAGING]);
    expect((await call(servicesGet, '/api/v1/services?include=everything')).status).toBe(400);
    expect((await call(servicesGet, '/api/v1/services?health=sick')).status).toBe(400);
    await sim.setScenario('error-spike');
    await until(async () => {
      const { body } = await call(servicesGet, '/api/v1/services?health=degraded');
      return serviceList.parse(body).data.items.some((s) => s.namespace === 'bookinfo' && s.name === 'details');
    }, 30_000, 'details degraded');
    const byErrors = serviceList.parse((await call(servicesGet, '/api/v1/services?sort=-errors&pageSize=5')).body);
    expect(byErrors.data.items[0]).toMatchObject({ namespace: 'bookinfo', name: 'details', health: { status: 'degraded' } });
    await sim.setScenario('healthy');
  });
});
