import { describe, expect, it } from 'vitest';
import { E, req } from './__fixtures__/samples';
import { buildTopology } from './build-topology';

describe('buildTopology', () => {
  it('gives cytoscape elements with cluster and namespace boxes and stable ids', () => {
    const input = {
      graphType: 'workload' as const,
      requests: [req([E, 'bookinfo', 'productpage-v1'], ['us-west-2', 'bookinfo', 'reviews-v3', 'reviews'], 4)],
      tcp: [],
      p95: [req([E, 'bookinfo', 'productpage-v1'], ['us-west-2', 'bookinfo', 'reviews-v3', 'reviews'], 150)],
      hideIdle: true,
      networkOf: (c: string) => c,
    };
    const { elements, stats } = buildTopology(input);
    const ids = elements.nodes.map((n) => n.data.id);
    expect(ids).toContain('cluster:us-east-1');
    expect(ids).toContain('ns:us-east-1/bookinfo');
    const pp = elements.nodes.find((n) => n.data.id === 'wl:us-east-1/bookinfo/productpage-v1');
    expect(pp?.data.parent).toBe('ns:us-east-1/bookinfo');
    expect(elements.nodes.find((n) => n.data.id === 'ns:us-east-1/bookinfo')?.data.parent).toBe('cluster:us-east-1');
    expect(elements.nodes.find((n) => n.data.kind === 'gateway')?.data.parent).toBe('ns:us-west-2/istio-system');
    expect(elements.edges.map((e) => e.data.p95Ms)).toEqual([150, 150]);
    expect(stats).toMatchObject({ edges: 2, clusters: 2, totalRps: 4, crossClusterEdges: 1 });
    expect(buildTopology(input)).toEqual({ elements, stats });
  });

  it('builds an empty graph from empty or NaN-only input', () => {
    const { elements, stats } = buildTopology({ graphType: 'app', requests: [req([E, 'a', 'b'], [E, 'a', 'c', 'c'], NaN)], tcp: [], p95: [], hideIdle: false });
    expect(elements).toEqual({ nodes: [], edges: [] });
    expect(stats.nodes).toBe(0);
  });
});
