import { describe, expect, it } from 'vitest';
import type { QueryContext } from './fan-out';
import { requestRatesQuery } from './promql/istio-queries';
import { goldenSignalQueries, seriesQueries, SERVICE_LABELS } from './signal-queries';
import { edgeQueries, edgeVariants } from './topology-queries';

const perCluster: QueryContext = { mode: 'per-cluster', clusterMatchers: [] };
const INBOUND = 'reporter=~"destination|waypoint"';

describe('queries that read waypoint reports (ambient)', () => {
  it('renders one reporter as equality and several as an exact alternation', () => {
    const base = { window: '5m', groupBy: [] };
    expect(requestRatesQuery({ ...base, reporter: 'destination' })).toContain('{reporter="destination"}');
    expect(requestRatesQuery({ ...base, reporter: ['waypoint'] })).toContain('{reporter="waypoint"}');
    expect(requestRatesQuery({ ...base, reporter: ['destination', 'waypoint'] })).toContain(`{${INBOUND}}`);
  });

  it('counts golden-signal requests and latency from destination and waypoint reports, TCP from the server side', () => {
    const q = goldenSignalQueries('5m', SERVICE_LABELS, []);
    expect(q.requests(perCluster)).toContain(`istio_requests_total{${INBOUND}}`);
    expect(q.buckets(perCluster)).toContain(`istio_request_duration_milliseconds_bucket{${INBOUND}}`);
    expect(q.tcp(perCluster)).toContain('istio_tcp_sent_bytes_total{reporter="destination"}');
    const s = seriesQueries('5m', []);
    expect(s.requests(perCluster)).toContain(INBOUND);
    expect(s.p95(perCluster)).toContain(INBOUND);
  });

  it('asks the graph for waypoint reports without a query more per variant', () => {
    expect(edgeVariants([]).length).toBe(2);
    expect(edgeVariants(['shop']).length).toBe(4);
    const [inbound, source] = edgeVariants([]).map((v) => edgeQueries('5m', v, []));
    for (const kind of ['requests', 'tcp', 'p95'] as const) {
      expect(inbound![kind](perCluster)).toContain(INBOUND);
      expect(source![kind](perCluster)).toContain('reporter="source"');
    }
  });
});
