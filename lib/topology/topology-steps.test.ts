import { describe, expect, it } from 'vitest';
import { E, W, req } from './__fixtures__/samples';
import { dedupReports } from './dedup';
import { deadNodesStep } from './dead-nodes-step';
import { filterStep } from './filter-step';
import { focusStep } from './focus-step';
import { gatewayStep } from './gateway-step';
import { healthStep } from './health-step';
import { mtlsStep } from './mtls-step';
import { responseTimeStep } from './response-time-step';
import { trafficStep } from './traffic-step';

const pp = [E, 'bookinfo', 'productpage-v1'] as [string, string, string];
const rv3 = [W, 'bookinfo', 'reviews-v3', 'reviews'] as [string, string, string, string];
const det = [E, 'bookinfo', 'details-v1', 'details'] as [string, string, string, string];
const traffic = (requests: ReturnType<typeof req>[], graphType: 'workload' | 'app' | 'versionedApp' | 'service' = 'workload') => trafficStep({ requests, tcp: [], graphType });

describe('dedupReports', () => {
  it('prefers the destination report and keeps source reports nobody else saw', () => {
    const dest = req(pp, det, 10);
    const src = req(pp, det, 9.5, { reporter: 'source', connection_security_policy: 'unknown' });
    const lost = req(pp, [E, 'bookinfo', 'unknown', 'details'], 1, { reporter: 'source', response_code: '503', destination_workload_namespace: 'unknown' });
    expect(dedupReports([dest, src, lost])).toEqual([dest, lost]);
  });

  it('keeps a source report when the destination never reported (its Prometheus is down)', () => {
    const src = req(pp, rv3, 4, { reporter: 'source' });
    expect(dedupReports([src])).toEqual([src]);
  });

  it('drops NaN and infinite values', () => {
    expect(dedupReports([req(pp, det, NaN), req(pp, det, Infinity)])).toEqual([]);
  });
});

describe('trafficStep', () => {
  it('makes workload nodes with the cluster in the id and classifies responses', () => {
    const g = traffic([req(pp, det, 9), req(pp, det, 1, { response_code: '503' })]);
    expect([...g.nodes.keys()].sort()).toEqual(['wl:us-east-1/bookinfo/details-v1', 'wl:us-east-1/bookinfo/productpage-v1']);
    const e = g.edges.get('wl:us-east-1/bookinfo/productpage-v1->wl:us-east-1/bookinfo/details-v1:http');
    expect(e?.rates).toEqual({ total: 10, http5xx: 1, http4xx: 0, grpc: 0, noResponse: 0 });
    expect(e?.crossCluster).toBe(false);
  });

  it('builds app, versioned app and service ids', () => {
    expect([...traffic([req(pp, rv3, 1)], 'app').nodes.keys()]).toContain('app:us-west-2/bookinfo/reviews');
    expect([...traffic([req(pp, rv3, 1)], 'versionedApp').nodes.keys()]).toContain('vapp:us-west-2/bookinfo/reviews/v3');
    expect([...traffic([req(pp, rv3, 1)], 'service').nodes.keys()]).toContain('svc:us-west-2/bookinfo/reviews');
  });

  it('treats an unknown destination cluster as the source cluster', () => {
    const g = traffic([req(pp, ['unknown', 'bookinfo', 'details-v1', 'details'], 1)]);
    expect(g.nodes.has('wl:us-east-1/bookinfo/details-v1')).toBe(true);
  });

  it('gives unknown sources, ServiceEntry hosts and PassthroughCluster their own nodes', () => {
    const g = traffic([
      req(['unknown', 'unknown', 'unknown'], det, 1),
      req(pp, [E, 'unknown', 'unknown', 'api.stripe.com'], 1, { reporter: 'source', destination_service: 'api.stripe.com', destination_service_namespace: 'unknown' }),
      req(pp, [E, 'unknown', 'unknown', 'PassthroughCluster'], 1, { reporter: 'source', destination_service: 'PassthroughCluster' }),
    ]);
    const kinds = Object.fromEntries([...g.nodes.values()].map((n) => [n.id, n.kind]));
    expect(kinds['unknown:us-east-1']).toBe('unknown');
    expect(kinds['se:us-east-1/api.stripe.com']).toBe('serviceEntry');
    expect(kinds['passthrough:us-east-1']).toBe('passthrough');
  });

  it('points requests no workload answered at the service node', () => {
    const g = traffic([req(pp, [E, 'unknown', 'unknown', 'details'], 1, { reporter: 'source', destination_service_namespace: 'bookinfo', response_code: '503' })]);
    expect(g.nodes.get('svc:us-east-1/bookinfo/details')?.kind).toBe('service');
  });

  it('keeps hostile label values inside ids as plain text', () => {
    const g = traffic([req(pp, [E, 'bookinfo', 'x"}<b>', 'details'], 1)]);
    expect(g.nodes.has('wl:us-east-1/bookinfo/x"}<b>')).toBe(true);
  });

  it('is empty for empty input', () => {
    expect(traffic([]).nodes.size).toBe(0);
  });
});

describe('deadNodesStep', () => {
  it('adds idle inventory nodes, or hides them with hideIdle', () => {
    const idle = { id: 'wl:us-east-1/bookinfo/ratings-v1', kind: 'workload' as const, cluster: E, namespace: 'bookinfo', name: 'ratings-v1' };
    expect(deadNodesStep(traffic([req(pp, det, 1)]), { inventory: [idle], hideIdle: false }).nodes.get(idle.id)?.idle).toBe(true);
    expect(deadNodesStep(traffic([req(pp, det, 1)]), { inventory: [idle], hideIdle: true }).nodes.has(idle.id)).toBe(false);
  });

  it('drops edges with zero traffic and their lonely nodes', () => {
    const g = traffic([req(pp, det, 1)]);
    for (const e of g.edges.values()) e.rates.total = 0;
    expect(deadNodesStep(g, { hideIdle: true }).nodes.size).toBe(0);
  });
});

describe('healthStep', () => {
  it('judges nodes by inbound traffic and readiness, edges by their own rates', () => {
    const g = healthStep(traffic([req(pp, det, 95), req(pp, det, 5, { response_code: '503' })]), {
      readiness: (n) => (n.name === 'productpage-v1' ? { desired: 2, ready: 1 } : undefined),
    });
    expect(g.nodes.get('wl:us-east-1/bookinfo/details-v1')?.health?.status).toBe('degraded');
    expect(g.nodes.get('wl:us-east-1/bookinfo/productpage-v1')?.health).toEqual({ status: 'degraded', reasons: ['1 of 2 endpoints ready'] });
    expect([...g.edges.values()][0]?.health?.reasons[0]).toMatch(/HTTP 5xx at 5.0%/);
  });

  it('says unknown, not idle, where the cluster had no telemetry', () => {
    const g = healthStep(traffic([req(pp, det, 1)]), { telemetryOk: () => false });
    expect(g.nodes.get('wl:us-east-1/bookinfo/productpage-v1')?.health?.status).toBe('unknown');
  });
});

describe('mtlsStep and responseTimeStep', () => {
  it('takes the mTLS share from destination reports only', () => {
    const g = mtlsStep(traffic([req(pp, det, 3), req(pp, det, 1, { connection_security_policy: 'none', response_code: '404' })]));
    expect([...g.edges.values()][0]?.mtlsShare).toBe(0.75);
    expect([...mtlsStep(traffic([req(pp, rv3, 1, { reporter: 'source' })])).edges.values()][0]?.mtlsShare).toBeNull();
  });

  it('prefers the destination p95 and ignores NaN', () => {
    const g = traffic([req(pp, det, 1)]);
    responseTimeStep(g, [req(pp, det, 12, { reporter: 'source' }), req(pp, det, 10), req(pp, det, NaN)], 'workload');
    expect([...g.edges.values()][0]?.p95Ms).toBe(10);
  });
});

describe('gatewayStep', () => {
  it('routes cross-network edges through the destination east-west gateway', () => {
    const g = gatewayStep(traffic([req(pp, rv3, 4)]), (c) => `net-${c}`);
    const ids = [...g.edges.keys()].sort();
    expect(ids).toEqual([
      'gw:us-west-2/istio-system/istio-eastwestgateway->wl:us-west-2/bookinfo/reviews-v3:http',
      'wl:us-east-1/bookinfo/productpage-v1->gw:us-west-2/istio-system/istio-eastwestgateway:http',
    ]);
    expect([...g.edges.values()].every((e) => e.crossNetwork && e.rates.total === 4)).toBe(true);
  });

  it('leaves same-network edges direct', () => {
    expect(gatewayStep(traffic([req(pp, rv3, 4)]), () => 'flat').edges.size).toBe(1);
  });
});

describe('filterStep and focusStep', () => {
  const g = () => traffic([req(pp, det, 1), req(pp, rv3, 1), req([W, 'bookinfo', 'reviews-v3'], [W, 'bookinfo', 'ratings-v1', 'ratings'], 1)]);

  it('keeps edges touching the asked clusters (the scope is scopeStep\'s)', () => {
    expect(filterStep(g(), { clusters: [E] }).nodes.has('wl:us-west-2/bookinfo/ratings-v1')).toBe(false);
    expect(filterStep(g(), { clusters: [E] }).nodes.has('wl:us-west-2/bookinfo/reviews-v3')).toBe(true);
  });

  it('keeps the focus node within N hops', () => {
    expect(focusStep(g(), 'wl:us-east-1/bookinfo/details-v1', 1).nodes.size).toBe(2);
    expect(focusStep(g(), 'wl:us-east-1/bookinfo/details-v1', 2).nodes.size).toBe(3);
    expect(focusStep(g(), 'nope', 2).nodes.size).toBe(0);
  });
});
