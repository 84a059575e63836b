import { describe, expect, it } from 'vitest';
import type { TopologyEdgeData, TopologyNodeData } from '../topology/elements';
import { serviceNeighbours } from './neighbours';

const node = (id: string, cluster: string, namespace: string, name: string): { data: TopologyNodeData } => ({ data: { id, kind: 'service', cluster, namespace, name, service: name } });
const edge = (source: string, target: string, rps: number, crossCluster = false): { data: TopologyEdgeData } => ({
  data: { id: `${source}->${target}`, source, target, protocol: 'http', rps, errorPercent: 0, errorRates: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 }, tcpBytesPerSecond: 0, p95Ms: 10, mtlsShare: 1, crossCluster, crossNetwork: crossCluster },
});

describe('serviceNeighbours', () => {
  const elements = {
    nodes: [node('pp', 'e', 'bookinfo', 'productpage'), node('r1', 'e', 'bookinfo', 'reviews'), node('r2', 'w', 'bookinfo', 'reviews'), node('ra', 'c', 'bookinfo', 'ratings')],
    edges: [edge('pp', 'r1', 4), edge('pp', 'r2', 11, true), edge('r2', 'ra', 6, true), edge('r1', 'r2', 1)],
  };

  it('finds callers and callees in every cluster, busiest first', () => {
    const n = serviceNeighbours(elements, 'bookinfo', 'reviews');
    expect(n.map((x) => [x.direction, x.node.name, x.localCluster, x.edge.rps])).toEqual([
      ['inbound', 'productpage', 'w', 11],
      ['outbound', 'ratings', 'w', 6],
      ['inbound', 'productpage', 'e', 4],
    ]);
  });

  it('is empty for a service not in the graph', () => expect(serviceNeighbours(elements, 'bookinfo', 'nope')).toEqual([]));
});
