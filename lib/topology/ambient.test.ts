import { describe, expect, it } from 'vitest';
import { cartE, cartW, hopsThroughWaypoint, inventoryDb, shopFacts, sidecarFacts, sleep, storefront, viaWaypoint, ztunnel } from './__fixtures__/ambient';
import { E, req, W } from './__fixtures__/samples';
import { buildTopology, type TopologyInput } from './build-topology';
import { dedupReports } from './dedup';
import { mtlsStep } from './mtls-step';
import { trafficStep } from './traffic-step';
import { waypointStep } from './waypoint-step';

const SF = 'wl:us-east-1/shop/storefront-v1';
const CART_E = 'wl:us-east-1/shop/cart-v1';
const WP_E = 'wp:us-east-1/shop/waypoint';

describe('dedupReports with a waypoint', () => {
  it('keeps the waypoint report over the source and destination reports of the same request', () => {
    const wp = viaWaypoint(storefront, cartE, 10);
    const src = req(storefront, cartE, 10, { reporter: 'source' });
    const dst = req(storefront, cartE, 10);
    expect(dedupReports([src, dst, wp])).toEqual([wp]);
  });

  it('still keeps a source report that no waypoint or destination saw', () => {
    const lost = { ...req(sleep, [E, 'shop', 'unknown', 'cart'], 2, { reporter: 'source', response_code: '503', response_flags: 'UH', destination_workload_namespace: 'unknown' }), scrapeCluster: E };
    const wp = viaWaypoint(storefront, cartE, 10);
    expect(dedupReports([lost, wp])).toEqual([lost, wp]);
  });
});

describe('trafficStep in ambient mode', () => {
  it('marks a waypoint-reported edge HBONE and names its waypoint, and drops ztunnel hops into and out of the waypoint', () => {
    const g = trafficStep({ graphType: 'workload', requests: [viaWaypoint(storefront, cartE, 13.5)], tcp: hopsThroughWaypoint(storefront, cartE, 4000), ambient: shopFacts });
    expect([...g.edges.keys()]).toEqual([`${SF}->${CART_E}:http`]);
    const e = g.edges.get(`${SF}->${CART_E}:http`)!;
    expect(e).toMatchObject({ hbone: true, waypoint: WP_E, tcpBytes: 0 });
    expect(e.rates.total).toBe(13.5);
    expect([...g.nodes.keys()].some((id) => id.includes('waypoint'))).toBe(false);
  });

  it('counts waypoint reports in the mTLS share, as destination reports', () => {
    const g = mtlsStep(trafficStep({ graphType: 'workload', requests: [viaWaypoint(storefront, cartE, 3), viaWaypoint(storefront, cartE, 1, { connection_security_policy: 'none', response_code: '404' })], tcp: [], ambient: shopFacts }));
    expect([...g.edges.values()][0]?.mtlsShare).toBe(0.75);
  });

  it('folds an HBONE TCP series parallel to an L7 edge into that edge', () => {
    // sleep (sidecar) -> inventory-db (ambient, no waypoint): the sidecar reports L7, the server's ztunnel L4.
    const g = trafficStep({ graphType: 'workload', requests: [{ ...req(sleep, inventoryDb, 2, { reporter: 'source' }), scrapeCluster: E }], tcp: [ztunnel(sleep, inventoryDb, 500)], ambient: shopFacts });
    expect([...g.edges.keys()]).toEqual(['wl:us-east-1/sample/sleep->wl:us-east-1/shop/inventory-db:http']);
    expect([...g.edges.values()][0]).toMatchObject({ hbone: true, tcpBytes: 500 });
  });

  it('keeps an L4-only ambient edge once, as the server-side ztunnel reported it', () => {
    const g = trafficStep({ graphType: 'workload', requests: [], tcp: [ztunnel([E, 'shop', 'cart-v1'], inventoryDb, 900, 'source'), ztunnel([E, 'shop', 'cart-v1'], inventoryDb, 800, 'destination')], ambient: shopFacts });
    expect([...g.edges.values()].map((e) => [e.id, e.protocol, e.tcpBytes, e.hbone])).toEqual([[`${CART_E}->wl:us-east-1/shop/inventory-db:tcp`, 'tcp', 800, true]]);
  });

  it('leaves sidecar TCP edges beside HTTP edges apart (another port), and marks nothing', () => {
    const pp = [E, 'bookinfo', 'productpage-v1'] as [string, string, string];
    const det = [E, 'bookinfo', 'details-v1', 'details'] as [string, string, string, string];
    const input = { graphType: 'workload' as const, requests: [req(pp, det, 3)], tcp: [{ ...req(pp, det, 70, { request_protocol: 'tcp' }) }] };
    const g = trafficStep({ ...input, ambient: shopFacts });
    expect([...g.edges.keys()].sort()).toEqual([`wl:us-east-1/bookinfo/productpage-v1->wl:us-east-1/bookinfo/details-v1:http`, `wl:us-east-1/bookinfo/productpage-v1->wl:us-east-1/bookinfo/details-v1:tcp`]);
    expect([...g.edges.values()].some((e) => e.hbone !== undefined || e.waypoint !== undefined)).toBe(false);
  });
});

describe('waypointStep', () => {
  it('draws client -> waypoint -> backend, merging hops into the waypoint', () => {
    const g = waypointStep(trafficStep({ graphType: 'workload', requests: [viaWaypoint(storefront, cartE, 13.5), viaWaypoint(storefront, [E, 'shop', 'cart-v2', 'cart'], 1.5)], tcp: [], ambient: shopFacts }));
    expect(g.nodes.get(WP_E)).toMatchObject({ kind: 'waypoint', cluster: E, namespace: 'shop', name: 'waypoint' });
    expect([...g.edges.keys()].sort()).toEqual([`${SF}->${WP_E}:http`, `${WP_E}->${CART_E}:http`, `${WP_E}->wl:us-east-1/shop/cart-v2:http`]);
    expect(g.edges.get(`${SF}->${WP_E}:http`)).toMatchObject({ hbone: true, waypoint: WP_E, crossCluster: false });
    expect(g.edges.get(`${SF}->${WP_E}:http`)?.rates.total).toBe(15);
    expect(g.nodes.get(WP_E)?.health?.status).toBe('healthy');
  });

  it('judges a waypoint by its readiness too', () => {
    const g = waypointStep(trafficStep({ graphType: 'workload', requests: [viaWaypoint(storefront, cartE, 1)], tcp: [], ambient: shopFacts }), (n) => (n.kind === 'waypoint' ? { desired: 1, ready: 0 } : undefined));
    expect(g.nodes.get(WP_E)?.health?.status).toBe('failure');
  });
});

describe('buildTopology in ambient mode', () => {
  const shop = (over: Partial<TopologyInput> = {}): TopologyInput => ({
    graphType: 'workload',
    requests: [viaWaypoint(storefront, cartE, 13.5), viaWaypoint(storefront, cartW, 5), req(storefront, cartE, 13.5, { reporter: 'source' })],
    tcp: [...hopsThroughWaypoint(storefront, cartE, 4000), ztunnel([E, 'shop', 'cart-v1'], inventoryDb, 800)],
    p95: [viaWaypoint(storefront, cartE, 12)],
    hideIdle: true,
    ambient: shopFacts,
    ...over,
  });

  it('inserts the waypoint node, counts each request once and carries hbone and waypoint on the elements', () => {
    const { elements, stats } = buildTopology(shop());
    expect(elements.nodes.find((n) => n.data.id === WP_E)?.data).toMatchObject({ kind: 'waypoint', parent: 'ns:us-east-1/shop' });
    const edges = Object.fromEntries(elements.edges.map((e) => [e.data.id, e.data]));
    expect(Object.keys(edges).sort()).toEqual([
      `${CART_E}->wl:us-east-1/shop/inventory-db:tcp`,
      `${SF}->${WP_E}:http`,
      `${WP_E}->${CART_E}:http`,
      `${WP_E}->wl:us-west-2/shop/cart-v1:http`,
    ]);
    expect(edges[`${SF}->${WP_E}:http`]).toMatchObject({ rps: 18.5, hbone: true, waypoint: WP_E, p95Ms: 12 });
    expect(edges[`${WP_E}->wl:us-west-2/shop/cart-v1:http`]).toMatchObject({ rps: 5, hbone: true, crossCluster: true });
    expect(edges[`${CART_E}->wl:us-east-1/shop/inventory-db:tcp`]).toMatchObject({ hbone: true, tcpBytesPerSecond: 800 });
    expect(edges[`${CART_E}->wl:us-east-1/shop/inventory-db:tcp`]?.waypoint).toBeUndefined();
    expect(stats.totalRps).toBe(18.5);
  });

  it('sends the hop out of the waypoint through the east-west gateway when it crosses networks', () => {
    const { elements } = buildTopology(shop({ networkOf: (c) => `net-${c}` }));
    const ids = elements.edges.map((e) => e.data.id);
    expect(ids).toContain(`${WP_E}->gw:us-west-2/istio-system/istio-eastwestgateway:http`);
    expect(elements.edges.find((e) => e.data.id === 'gw:us-west-2/istio-system/istio-eastwestgateway->wl:us-west-2/shop/cart-v1:http')?.data).toMatchObject({ hbone: true, waypoint: WP_E });
    expect(buildTopology(shop({ networkOf: (c) => `net-${c}` })).stats.totalRps).toBe(18.5);
  });

  it('draws the waypoint in the service graph too', () => {
    const { elements } = buildTopology(shop({ graphType: 'service' }));
    expect(elements.edges.map((e) => e.data.id).sort()).toEqual([
      `${WP_E}->svc:us-east-1/shop/cart:http`,
      `${WP_E}->svc:us-west-2/shop/cart:http`,
      `svc:us-east-1/shop/cart->svc:us-east-1/shop/inventory-db:tcp`,
      `svc:us-east-1/shop/storefront->${WP_E}:http`,
    ].sort());
  });

  it('gives a sidecar-only graph byte for byte whether or not ambient facts are passed', () => {
    const pp = [E, 'bookinfo', 'productpage-v1'] as [string, string, string];
    const rv3 = [W, 'bookinfo', 'reviews-v3', 'reviews'] as [string, string, string, string];
    const base: TopologyInput = {
      graphType: 'workload',
      requests: [req(pp, rv3, 4), req(pp, rv3, 4, { reporter: 'source' }), req(pp, rv3, 1, { response_code: '503' })],
      tcp: [req(pp, rv3, 90, { request_protocol: 'tcp' })],
      p95: [req(pp, rv3, 150)],
      hideIdle: true,
      networkOf: (c) => c,
      edgeDetail: true,
    };
    expect(JSON.stringify(buildTopology({ ...base, ambient: sidecarFacts }))).toBe(JSON.stringify(buildTopology(base)));
  });
});
