import { describe, expect, it } from 'vitest';
import { OUTSIDE_NODE_ID } from '../access/topology-collapse';
import { E, W, req } from './__fixtures__/samples';
import { buildTopology } from './build-topology';
import { gatewayStep } from './gateway-step';
import { scopeStep } from './scope-step';
import { trafficStep } from './traffic-step';

const sleep = [E, 'sample', 'sleep'] as [string, string, string];
const pp = [E, 'bookinfo', 'productpage-v1'] as [string, string, string];
const ppDst = [E, 'bookinfo', 'productpage-v1', 'productpage'] as [string, string, string, string];
const det = [E, 'bookinfo', 'details-v1', 'details'] as [string, string, string, string];
const secret = [W, 'vault', 'vault-v1', 'vault'] as [string, string, string, string];
const books = (c: string, ns: string | undefined) => ns === 'bookinfo' || (ns === undefined && c === E);

const requests = [
  req(sleep, ppDst, 10),
  req(pp, det, 4),
  req(pp, secret, 2, { response_code: '503' }),
  req(pp, secret, 3, { request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' }),
  req([W, 'vault', 'vault-v1'], [W, 'vault', 'audit-v1', 'audit'], 7),
];
const graph = () => trafficStep({ requests, tcp: [], graphType: 'workload' });

describe('scopeStep', () => {
  it('leaves the graph alone for a caller who sees the whole fleet', () => {
    expect(scopeStep(graph(), undefined).nodes.size).toBe(5);
  });

  it('keeps the workspace and collapses the rest into one outside node', () => {
    const g = scopeStep(graph(), books);
    expect([...g.nodes.keys()].sort()).toEqual([OUTSIDE_NODE_ID, 'wl:us-east-1/bookinfo/details-v1', 'wl:us-east-1/bookinfo/productpage-v1']);
    expect([...g.edges.keys()].sort()).toEqual([
      `${OUTSIDE_NODE_ID}->wl:us-east-1/bookinfo/productpage-v1:http`,
      `wl:us-east-1/bookinfo/productpage-v1->${OUTSIDE_NODE_ID}:mixed`,
      'wl:us-east-1/bookinfo/productpage-v1->wl:us-east-1/bookinfo/details-v1:http',
    ]);
  });

  it('sums only the visible node\'s own traffic into the merged edge, with no peer detail', () => {
    const e = scopeStep(graph(), books).edges.get(`wl:us-east-1/bookinfo/productpage-v1->${OUTSIDE_NODE_ID}:mixed`)!;
    expect(e.rates.total).toBe(5);
    expect(e.rates.http5xx).toBe(2);
    expect(e).toMatchObject({ p95Ms: null, crossCluster: false, crossNetwork: false });
    expect(e.via).toBeUndefined();
  });

  it('names nothing outside the scope', () => {
    const text = JSON.stringify(buildTopology({ graphType: 'workload', requests, tcp: [], p95: [], hideIdle: false, allows: books }));
    for (const leak of ['sample', 'sleep', 'vault', 'audit', W]) expect(text).not.toContain(leak);
    expect(text).toContain('outside your workspaces');
  });

  it('keeps a visible cluster\'s gateway between nodes in scope and drops its hops to the outside', () => {
    const reqs = [req([E, 'bookinfo', 'reviews-v2'], [W, 'bookinfo', 'ratings-v1', 'ratings'], 4), req([E, 'vault', 'vault-v1'], [W, 'bookinfo', 'ratings-v1', 'ratings'], 1)];
    const net = (c: string) => (c === E ? 'net-east' : 'net-west');
    const g = scopeStep(gatewayStep(trafficStep({ requests: reqs, tcp: [], graphType: 'workload' }), net), (c, ns) => ns === 'bookinfo' || (ns === undefined && c === W) || (ns === 'istio-system' && c === W) || (ns === undefined && c === E));
    expect(g.nodes.has('gw:us-west-2/istio-system/istio-eastwestgateway')).toBe(true);
    expect(JSON.stringify([...g.edges.values()])).not.toContain('vault');
    // The gateway's hop into ratings carries both callers' traffic, but only as ratings' own inbound total.
    expect([...g.edges.values()].every((e) => e.source !== OUTSIDE_NODE_ID || e.target.includes('bookinfo'))).toBe(true);
  });

  it('adds no outside node when nothing crosses the boundary', () => {
    const g = scopeStep(trafficStep({ requests: [req(pp, det, 1)], tcp: [], graphType: 'workload' }), books);
    expect(g.nodes.has(OUTSIDE_NODE_ID)).toBe(false);
  });
});
