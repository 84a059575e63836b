import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPrometheus, startPrometheus, type PrometheusHandle, type PromSample } from './prometheus';
import { startSimFleet, type SimFleet } from './runtime';

const TOLERANCE = 0.15;
const QUERY = 'sum(rate(istio_requests_total{reporter=~"destination|waypoint"}[10s])) by (source_workload, destination_workload, destination_cluster)';
const haveProm = existsSync(process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus');

let fleet: SimFleet;
const proms: PrometheusHandle[] = [];
let global: PrometheusHandle;
let perCluster: PrometheusHandle;

beforeAll(async () => {
  if (!haveProm) return;
  fleet = await startSimFleet();
  global = await startPrometheus({ targets: fleet.prometheusTargets, mode: 'global', clusterLabel: 'cluster' });
  proms.push(global);
  perCluster = await startPrometheus({ targets: fleet.prometheusTargets, mode: 'per-cluster' });
  proms.push(perCluster);
});
afterAll(async () => {
  await Promise.all(proms.map((p) => p.stop()));
  await fleet?.stop();
});

const key = (m: Record<string, string | undefined>) => `${m.source_workload}->${m.destination_workload}@${m.destination_cluster}`;

/** The modelled request rate per (source workload, destination workload, destination cluster). */
function expected(): Map<string, number> {
  const out = new Map<string, number>();
  for (const { edge, params } of fleet.model.currentParams()) {
    if (edge.spec.protocol === 'tcp') continue;
    const k = key({ source_workload: edge.spec.source.workload, destination_workload: edge.spec.destination.workload, destination_cluster: edge.destinationCluster });
    out.set(k, (out.get(k) ?? 0) + params.rps);
  }
  return out;
}

/** Differences beyond tolerance (relative for >= 1 req/s, 0.2 req/s absolute below, where integer counters quantise). */
function mismatches(samples: PromSample[]): string[] {
  const got = new Map(samples.map((s) => [key(s.metric), s.value]));
  const bad: string[] = [];
  for (const [k, want] of expected()) {
    const have = got.get(k);
    const ok = have !== undefined && (want >= 1 ? Math.abs(have - want) <= want * TOLERANCE : Math.abs(have - want) <= 0.2);
    if (!ok) bad.push(`${k}: want ${want.toFixed(2)}, have ${have?.toFixed(2) ?? 'none'}`);
  }
  return bad;
}

async function settle(read: () => Promise<PromSample[]>): Promise<string[]> {
  // First samples arrive ~5-6 s after start; a 10 s rate window needs ~15-20 s.
  const deadline = Date.now() + 50_000;
  let bad: string[] = ['no query yet'];
  while (Date.now() < deadline) {
    bad = mismatches(await read());
    if (!bad.length) return bad;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return bad;
}

describe.skipIf(!haveProm)('a real Prometheus scraping the demo fleet', () => {
  it('global mode: per-edge rate() matches the model within 15%, and targets carry the cluster label', async () => {
    const bad = await settle(() => queryPrometheus(global.url, QUERY));
    expect(bad).toEqual([]);
    const clusters = await queryPrometheus(global.url, 'count by (cluster) (istio_requests_total)');
    expect(clusters.map((s) => s.metric.cluster).sort()).toEqual(fleet.clusters.map((c) => c.name).sort());
    const cross = await queryPrometheus(global.url, 'sum(rate(istio_requests_total{reporter="source",source_cluster!="",destination_cluster!=""}[10s])) by (source_cluster, destination_cluster)');
    expect(cross.some((s) => s.metric.source_cluster !== s.metric.destination_cluster && s.value > 0)).toBe(true);
  }, 90_000);

  it('per-cluster mode: one Prometheus per cluster, together matching the model', async () => {
    expect(perCluster.instances.map((i) => i.cluster).sort()).toEqual(fleet.clusters.map((c) => c.name).sort());
    const bad = await settle(async () => (await Promise.all(perCluster.instances.map((i) => queryPrometheus(i.url, QUERY)))).flat());
    expect(bad).toEqual([]);
    const one = perCluster.instances.find((i) => i.cluster === 'eu-central-1');
    const series = await queryPrometheus(one?.url ?? '', 'count(istio_requests_total{reporter="destination"}) by (destination_cluster)');
    expect(series.map((s) => s.metric.destination_cluster)).toEqual(['eu-central-1']);
  }, 90_000);

  it('stops Prometheus by PID and removes its data directory', async () => {
    const p = await startPrometheus({ targets: fleet.prometheusTargets.slice(0, 1), mode: 'global' });
    expect(() => process.kill(p.pid, 0)).not.toThrow();
    await p.stop();
    expect(() => process.kill(p.pid, 0)).toThrow();
  });
});

describe('startPrometheus without the binary', () => {
  it('names how to install it', async () => {
    await expect(startPrometheus({ targets: [{ cluster: 'x', url: 'http://127.0.0.1:1/stats/prometheus' }], binary: '/nonexistent/prometheus' })).rejects.toThrow(/apt-get install -y --no-install-recommends prometheus/);
  });
});
