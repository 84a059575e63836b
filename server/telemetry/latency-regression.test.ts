import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { FleetModel } from '../fleet/model';
import { ALL, type VisibilityScope } from '../fleet/scope';
import type { QueryContext } from './fan-out';
import { fleetFacts } from './fleet-facts';
import { getLatencyRegressions } from './latency-regression';
import { DEFAULT_LATENCY_BASELINE, judgeLatency, LATENCY_THRESHOLDS, latencyRegressionQueries } from './latency-regression-queries';
import type { TelemetryService } from './telemetry-service';

const perCluster: QueryContext = { mode: 'per-cluster', clusterMatchers: [] };
const global: QueryContext = { mode: 'global', clusterLabel: 'cluster', clusterMatchers: [{ label: 'cluster', op: '=~', values: ['us-east-1'] }] };
const EDGE = 'destination_cluster,destination_service_namespace,destination_service_name,destination_workload_namespace,destination_workload,source_cluster,source_workload_namespace,source_workload';

describe('latency regression PromQL', () => {
  const q = latencyRegressionQueries(0.99, '1m', DEFAULT_LATENCY_BASELINE, LATENCY_THRESHOLDS, [{ label: 'destination_service_namespace', op: '=', value: 'bookinfo' }]);

  it('asks for busy, slow edges with history back to the baseline start, fleet-wide in one query', () => {
    const sel = '{reporter=~"destination|waypoint",destination_service_namespace="bookinfo"}';
    expect(q.now(perCluster)).toBe(
      `(histogram_quantile(0.99, sum by (le,${EDGE}) (rate(istio_request_duration_milliseconds_bucket${sel}[1m]))) >= 200)` +
        ` and (sum by (${EDGE}) (rate(istio_request_duration_milliseconds_count${sel}[1m])) >= 1)` +
        ` and group by (${EDGE}) (istio_request_duration_milliseconds_count${sel} offset 2100s)`,
    );
  });

  it('asks for the same edges over 30m ending 5m ago', () => {
    expect(q.baseline(perCluster)).toBe(
      `histogram_quantile(0.99, sum by (le,${EDGE}) (rate(istio_request_duration_milliseconds_bucket{reporter=~"destination|waypoint",destination_service_namespace="bookinfo"}[30m] offset 5m))) and (${q.now(perCluster)})`,
    );
  });

  it('groups by the cluster label and restricts to the asked clusters in global mode', () => {
    const text = q.baseline(global);
    expect(text).toContain(`sum by (le,${EDGE},cluster)`);
    expect(text).toContain(`group by (${EDGE},cluster)`);
    expect(text.match(/cluster=~"us-east-1"/g)).toHaveLength(4);
  });

  it('refuses a baseline that is not a duration', () => {
    expect(() => latencyRegressionQueries(0.95, '1m', { range: '30m] or vector(1', offset: '5m' }, LATENCY_THRESHOLDS, [])).toThrow();
  });
});

describe('judgeLatency', () => {
  it('flags 3x and 200 ms above the baseline, and nothing less', () => {
    expect(judgeLatency(910, 110)).toBeCloseTo(8.27, 2);
    expect(judgeLatency(300, 110)).toBeUndefined(); // 190 ms more
    expect(judgeLatency(310, 110)).toBeUndefined(); // 2.8x
    expect(judgeLatency(600, 300)).toBeUndefined();
    expect(judgeLatency(250, 0)).toBe(250);
    expect(judgeLatency(NaN, 1)).toBeUndefined();
  });
});

describe('getLatencyRegressions', () => {
  const model = new FleetModel();
  for (const c of ['us-east-1', 'us-west-2']) model.upsertCluster({ name: c, displayName: c, source: 'test' });
  const edge = (cluster: string, dstNs: string, dst: string, srcNs: string, src: string) => ({
    destination_cluster: cluster, destination_service_namespace: dstNs, destination_service_name: dst.replace(/-v\d$/, ''), destination_workload_namespace: dstNs, destination_workload: dst,
    source_cluster: cluster, source_workload_namespace: srcNs, source_workload: src,
  });
  const edges = {
    slow: edge('us-east-1', 'bookinfo', 'reviews-v2', 'bookinfo', 'productpage-v1'),
    alwaysSlow: edge('us-east-1', 'bookinfo', 'ratings-v1', 'bookinfo', 'reviews-v2'),
    fromOutside: edge('us-east-1', 'bookinfo', 'details-v1', 'payments', 'checkout-v1'),
    elsewhere: edge('us-west-2', 'payments', 'ledger-v1', 'payments', 'checkout-v1'),
  };
  // Per quantile: now, then baseline (ms). alwaysSlow is slow now and before: no regression.
  const values: Record<keyof typeof edges, { p99: [number, number | undefined]; p95?: [number, number] }> = {
    slow: { p99: [910, 110], p95: [480, 60] },
    alwaysSlow: { p99: [900, 850] },
    fromOutside: { p99: [1200, 100] },
    elsewhere: { p99: [700, undefined], p95: [650, 90] },
  };
  const sent: string[] = [];
  const client = {
    instant: async (build: (ctx: QueryContext) => string, asked: string[]) => {
      const promql = build(perCluster);
      sent.push(promql);
      const quantile = promql.includes('histogram_quantile(0.99') && !promql.startsWith('histogram_quantile(0.95') ? 'p99' : 'p95';
      const isBaseline = promql.startsWith('histogram_quantile');
      const samples = Object.entries(edges).flatMap(([k, metric]) => {
        const v = values[k as keyof typeof edges][quantile]?.[isBaseline ? 1 : 0];
        return v === undefined ? [] : [{ metric, value: v, scrapeCluster: metric.destination_cluster }];
      });
      return { samples, clusters: Object.fromEntries(asked.map((c) => [c, { state: 'ok' as const }])) };
    },
  };
  const svc = { client, window: '1m', tolerances: [], cacheSeconds: 5 } as unknown as TelemetryService;
  const scope = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });

  it('names regressed edges, worst first, with both quantiles, in four queries', async () => {
    sent.length = 0;
    const { data } = await getLatencyRegressions(svc, fleetFacts(model, ALL), {});
    expect(sent).toHaveLength(4);
    expect(data.baseline).toEqual({ range: '30m', offset: '5m', rangeSeconds: 1800 });
    expect(data.items.map((i) => [i.cluster, i.workload, i.quantile, i.factor])).toEqual([
      ['us-east-1', 'details-v1', 'p99', 12],
      ['us-east-1', 'reviews-v2', 'p99', 8.3],
      // No p99 baseline: judged by p95.
      ['us-west-2', 'ledger-v1', 'p95', 7.2],
    ]);
    expect(data.items[1]).toEqual({
      cluster: 'us-east-1', namespace: 'bookinfo', service: 'reviews', workloadNamespace: 'bookinfo', workload: 'reviews-v2',
      source: { cluster: 'us-east-1', namespace: 'bookinfo', workload: 'productpage-v1' },
      quantile: 'p99', nowMs: 910, baselineMs: 110, factor: 8.3, p99: { nowMs: 910, baselineMs: 110 }, p95: { nowMs: 480, baselineMs: 60 },
    });
  });

  it('keeps to the caller\'s scope and hides a caller outside it', async () => {
    const { data } = await getLatencyRegressions(svc, fleetFacts(model, scope('us-east-1/bookinfo')), {});
    expect(data.items.map((i) => [i.workload, i.source?.workload ?? null])).toEqual([['details-v1', null], ['reviews-v2', 'productpage-v1']]);
    expect(JSON.stringify(data)).not.toMatch(/us-west-2|payments|checkout|ledger/);
    sent.length = 0;
    const none = await getLatencyRegressions(svc, fleetFacts(model, scope()), {});
    expect(none.data.items).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('says which cluster is unavailable when its Prometheus fails and answers for the others', async () => {
    const down = {
      instant: async (build: (ctx: QueryContext) => string, asked: string[]) => {
        const r = await client.instant(build, asked);
        // The baseline of us-west-2 fails: the cluster is unavailable in the merged states.
        if (build(perCluster).startsWith('histogram_quantile')) r.clusters['us-west-2'] = { state: 'unavailable', reason: 'Prometheus timeout' } as never;
        return r;
      },
    };
    const res = await getLatencyRegressions({ ...svc, client: down } as unknown as TelemetryService, fleetFacts(model, ALL), {});
    expect(res.data.telemetry['us-west-2']).toMatchObject({ state: 'unavailable' });
    expect(res.data.telemetry['us-east-1']).toMatchObject({ state: 'ok' });
    expect(res.data.items.some((i) => i.cluster === 'us-east-1')).toBe(true);
  });
});
