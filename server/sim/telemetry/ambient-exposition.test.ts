import { describe, expect, it } from 'vitest';
import { REQUESTS_PER_CONNECTION } from './ambient-series';
import { ambientTestFleet, buildStores, EAST, EDGES, WEST, waypointDown } from './ambient-test-fleet';
import { DataplaneResolver } from './dataplane-resolver';
import { renderClusterMetrics } from './exposition';
import { parseExposition, type Sample } from './parse-text';
import { TrafficModel } from './traffic-model';

function setup() {
  const spec = ambientTestFleet();
  const stores = buildStores(spec);
  let now = 1_700_000_000_000;
  const model = new TrafficModel(spec, () => now);
  const resolver = new DataplaneResolver((name) => stores.get(name));
  const scrape = (cluster: string) => parseExposition(renderClusterMetrics(model, cluster, undefined, { dataplane: resolver })).samples;
  return { stores, model, scrape, advance: (s: number) => (now += s * 1000) };
}

type Edge = (typeof EDGES)[keyof typeof EDGES];
const of = (e: Edge) => (s: Sample) => s.labels.source_workload === e.source.workload && s.labels.destination_service_name === e.destination.service && s.labels.destination_cluster === e.destination.cluster;
const sum = (samples: Sample[], pred: (s: Sample) => boolean) => samples.filter(pred).reduce((a, s) => a + s.value, 0);
const named = (name: string, reporter?: string) => (s: Sample) => s.name === name && (reporter === undefined || s.labels.reporter === reporter);
const requests = (samples: Sample[], e: Edge, reporter: string) => sum(samples, (s) => named('istio_requests_total', reporter)(s) && of(e)(s));
const tcp = (samples: Sample[], name: string, reporter: string, pred: (s: Sample) => boolean) => samples.filter((s) => named(name, reporter)(s) && pred(s));

describe('ambient telemetry exposition', () => {
  it('ambient → ambient through a waypoint: the waypoint reports L7, ztunnel two L4 hops', () => {
    const { scrape, advance } = setup();
    advance(100);
    const east = scrape(EAST);
    const e = EDGES.ambientViaWaypoint;
    expect(requests(east, e, 'waypoint')).toBe(1000);
    expect(requests(east, e, 'source')).toBe(0);
    expect(requests(east, e, 'destination')).toBe(0);
    const wp = east.find((s) => named('istio_requests_total', 'waypoint')(s) && of(e)(s));
    expect(wp?.labels).toMatchObject({ connection_security_policy: 'mutual_tls', destination_workload: 'cart-v1', source_workload: 'storefront-v1', response_code: '200' });
    expect(east.some((s) => named('istio_request_duration_milliseconds_count', 'waypoint')(s) && of(e)(s) && s.value === 1000)).toBe(true);

    // Hop 1, client ztunnel: storefront → waypoint, for both calls through it (to cart in either cluster), summed.
    const hop1 = tcp(east, 'istio_tcp_connections_opened_total', 'source', (s) => s.labels.source_workload === 'storefront-v1' && s.labels.destination_workload === 'waypoint');
    expect(hop1).toHaveLength(1);
    expect(hop1[0]?.labels).toMatchObject({ destination_service: 'waypoint.shop.svc.cluster.local', request_protocol: 'tcp', connection_security_policy: 'mutual_tls', response_flags: '-' });
    expect(hop1[0]?.value).toBe((1000 + 500) / REQUESTS_PER_CONNECTION);
    // Hop 2, server ztunnel: waypoint → cart-v1, under the destination service.
    const hop2 = tcp(east, 'istio_tcp_connections_opened_total', 'destination', (s) => s.labels.source_workload === 'waypoint' && s.labels.destination_workload === 'cart-v1');
    expect(hop2.map((s) => [s.labels.destination_service, s.value])).toEqual([['cart.shop.svc.cluster.local', 100]]);
    const sent = tcp(east, 'istio_tcp_sent_bytes_total', 'destination', (s) => s.labels.source_workload === 'waypoint' && s.labels.destination_workload === 'cart-v1');
    expect(sent[0]?.value).toBe(1000 * 3000);
  });

  it('a cross-cluster call: L7 from the source cluster\'s waypoint, hop 2 from the server cluster\'s ztunnel', () => {
    const { scrape, advance } = setup();
    advance(100);
    const e = EDGES.crossCluster;
    expect(requests(scrape(EAST), e, 'waypoint')).toBe(500);
    const west = scrape(WEST);
    expect(west.filter((s) => s.name === 'istio_requests_total')).toHaveLength(0);
    const hop2 = tcp(west, 'istio_tcp_connections_opened_total', 'destination', () => true);
    expect(hop2.map((s) => [s.labels.source_workload, s.labels.source_cluster, s.labels.destination_cluster, s.value])).toEqual([['waypoint', EAST, WEST, 50]]);
  });

  it('sidecar → ambient through a waypoint: source and waypoint L7, no destination L7, one ztunnel hop', () => {
    const { scrape, advance } = setup();
    advance(100);
    const east = scrape(EAST);
    const e = EDGES.sidecarViaWaypoint;
    expect(requests(east, e, 'source')).toBe(200);
    expect(requests(east, e, 'waypoint')).toBe(200);
    expect(requests(east, e, 'destination')).toBe(0);
    expect(east.find((s) => named('istio_requests_total', 'source')(s) && of(e)(s))?.labels.connection_security_policy).toBe('unknown');
    expect(tcp(east, 'istio_tcp_connections_opened_total', 'source', (s) => s.labels.source_workload === 'sleep')).toHaveLength(0);
    expect(tcp(east, 'istio_tcp_connections_opened_total', 'destination', (s) => s.labels.source_workload === 'waypoint' && s.labels.destination_workload === 'storefront-v1').map((s) => s.value)).toEqual([20]);
  });

  it('ambient → ambient without a waypoint: L4 only, connections at a tenth of the request rate', () => {
    const { scrape, advance } = setup();
    advance(100);
    const east = scrape(EAST);
    const e = EDGES.ambientL4;
    expect(east.filter((s) => s.name.startsWith('istio_request') && of(e)(s))).toHaveLength(0);
    for (const reporter of ['source', 'destination']) {
      const opened = tcp(east, 'istio_tcp_connections_opened_total', reporter, of(e));
      expect(opened.map((s) => s.value)).toEqual([200]);
      expect(opened[0]?.labels).toMatchObject({ source_workload: 'storefront-v1', destination_workload: 'pricing-v1', request_protocol: 'tcp', connection_security_policy: 'mutual_tls' });
      expect(tcp(east, 'istio_tcp_connections_closed_total', reporter, of(e))[0]?.value).toBe(200);
      expect(tcp(east, 'istio_tcp_sent_bytes_total', reporter, of(e))[0]?.value).toBe(2000 * 3000);
      expect(tcp(east, 'istio_tcp_received_bytes_total', reporter, of(e))[0]?.value).toBe(2000 * 500);
    }
  });

  it('ambient tcp without a waypoint: both ztunnels report the modelled connections in mutual TLS', () => {
    const { scrape, advance } = setup();
    advance(100);
    const east = scrape(EAST);
    for (const reporter of ['source', 'destination']) {
      const opened = tcp(east, 'istio_tcp_connections_opened_total', reporter, of(EDGES.ambientTcp));
      expect(opened.map((s) => [s.value, s.labels.connection_security_policy])).toEqual([[300, 'mutual_tls']]);
    }
  });

  it('waypoint down: sidecar clients get 503 UH, ambient clients report nothing L7, and counters recover monotonically', () => {
    const { scrape, advance, stores } = setup();
    advance(100);
    const before = scrape(EAST);
    const east = stores.get(EAST)!;
    waypointDown(east);
    scrape(EAST); // the scrape that notices the change
    advance(50);
    const down = scrape(EAST);
    const sidecar = EDGES.sidecarViaWaypoint;
    const code = (samples: Sample[], c: string, flags: string) => sum(samples, (s) => named('istio_requests_total', 'source')(s) && of(sidecar)(s) && s.labels.response_code === c && s.labels.response_flags === flags);
    expect(code(down, '503', 'UH')).toBe(100);
    expect(code(down, '200', '-')).toBe(code(before, '200', '-'));
    expect(down.filter((s) => named('istio_requests_total', 'waypoint')(s))).toHaveLength(0);
    expect(down.filter((s) => named('istio_requests_total')(s) && s.labels.source_workload === 'storefront-v1')).toHaveLength(0);
    // ztunnel's hops carried nothing while the waypoint was down.
    const hop1 = (samples: Sample[]) => sum(samples, (s) => named('istio_tcp_connections_opened_total', 'source')(s) && s.labels.destination_workload === 'waypoint');
    expect(hop1(down)).toBe(hop1(before));
    // Edges that do not use the waypoint are unaffected.
    expect(tcp(down, 'istio_tcp_connections_opened_total', 'source', of(EDGES.ambientL4))[0]?.value).toBe(300);

    for (const pod of east.list('v1', 'Pod', 'shop')) {
      if (pod.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] === 'waypoint') east.mergePatch('v1', 'Pod', 'shop', pod.metadata.name, { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    }
    scrape(EAST);
    advance(10);
    const up = scrape(EAST);
    expect(requests(up, EDGES.ambientViaWaypoint, 'waypoint')).toBe(1000 + 100);
    expect(code(up, '503', 'UH')).toBe(100);
    expect(code(up, '200', '-')).toBe(code(before, '200', '-') + 20);
    expect(hop1(up)).toBe(hop1(before) + 15);
  });

  it('sidecar → sidecar renders exactly as without the resolver', () => {
    const spec = ambientTestFleet();
    const stores = buildStores(spec);
    const model = new TrafficModel(spec, () => 1_700_000_000_000);
    const at = 1_700_000_100_000;
    const lines = (text: string) => text.split('\n').filter((l) => l.includes('source_workload="sleep"') && l.includes('destination_workload="helloworld-v1"'));
    const plain = lines(renderClusterMetrics(model, EAST, at));
    const resolved = lines(renderClusterMetrics(model, EAST, at, { dataplane: new DataplaneResolver((n) => stores.get(n)) }));
    expect(plain.length).toBeGreaterThan(50);
    expect(resolved).toEqual(plain);
  });

  it('never repeats a series, and parses as the text format', () => {
    const { scrape, advance } = setup();
    advance(30);
    for (const cluster of [EAST, WEST]) {
      const seen = new Set<string>();
      for (const s of scrape(cluster)) {
        const key = `${s.name}${JSON.stringify(s.labels)}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});
