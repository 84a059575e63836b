import { describe, expect, it } from 'vitest';
import { generatedInput } from './__fixtures__/generated';
import { digest, goldenCases } from './__fixtures__/golden-cases';
import golden from './__fixtures__/golden-digests.json';
import { referenceBuildTopology } from './__fixtures__/reference-build';
import { buildTopology, type TopologyInput } from './build-topology';
import { GRAPH_TYPES } from './types';

// The memoised steps must give byte-for-byte the answer of the per-series implementation (which writes every edge field).
const same = (input: TopologyInput) => expect(JSON.stringify(buildTopology({ ...input, edgeDetail: true }))).toBe(JSON.stringify(referenceBuildTopology(input)));

describe('buildTopology against the per-series reference', () => {
  for (const seed of [1, 42]) {
    const base = generatedInput(seed);
    for (const graphType of GRAPH_TYPES) {
      it(`gives the same elements and stats (seed ${seed}, ${graphType} graph)`, () => {
        same({ ...base, graphType, hideIdle: true });
        same({ ...base, graphType, hideIdle: false });
        same({ ...base, graphType, hideIdle: false, namespaces: ['ns-1', 'ns-2'], clusters: ['east', 'north'] });
        same({ ...base, graphType, hideIdle: true, allows: (c, ns) => c === 'east' || (c === 'west' && ns === 'ns-3') });
        same({ ...base, graphType, hideIdle: true, focus: buildTopology({ ...base, graphType, hideIdle: true }).elements.edges[3]?.data.source, hops: 2 });
      });
    }
  }

  it('covers what the steps branch on (gateways, idle nodes, outside sinks, every protocol)', () => {
    const { elements } = buildTopology({ ...generatedInput(7), graphType: 'workload', hideIdle: false, edgeDetail: true });
    const kinds = new Set(elements.nodes.map((n) => n.data.kind));
    for (const k of ['workload', 'gateway', 'unknown', 'serviceEntry', 'passthrough', 'service', 'cluster', 'namespace']) expect(kinds).toContain(k);
    expect(elements.nodes.some((n) => n.data.idle)).toBe(true);
    expect(new Set(elements.edges.map((e) => e.data.protocol))).toEqual(new Set(['http', 'grpc', 'tcp']));
    expect(elements.edges.some((e) => e.data.via && e.data.p95Ms !== null)).toBe(true);
    expect(elements.edges.length).toBeGreaterThan(150);
  });

  it('leaves errorRates, edge healthReasons and via out unless asked; the rest is the same', () => {
    const input = { ...generatedInput(7), graphType: 'workload' as const, hideIdle: false };
    const lean = buildTopology(input);
    const full = buildTopology({ ...input, edgeDetail: true });
    expect(lean.elements.nodes).toEqual(full.elements.nodes);
    expect(lean.stats).toEqual(full.stats);
    expect(lean.elements.edges).toEqual(full.elements.edges.map(({ data: { errorRates: _r, healthReasons: _h, via: _v, ...rest } }) => ({ data: rest })));
    expect(lean.elements.edges.some((e) => 'errorRates' in e.data || 'healthReasons' in e.data || 'via' in e.data)).toBe(false);
  });
});

describe('buildTopology against the answers pinned before round 4', () => {
  const pinned = golden as Record<string, string>;
  it('pins every case', () => expect(Object.keys(pinned).sort()).toEqual(goldenCases().map(([name]) => name).sort()));
  for (const [name, input] of goldenCases()) {
    it(`gives the pinned nodes, edges, health and stats (${name})`, () => expect(digest(buildTopology(input))).toBe(pinned[name]));
  }

  it('has external sinks and a workload answering as two services in the pinned cases', () => {
    const sinks = goldenCases().find(([name]) => name === 'sinks, workload graph')![1];
    const { elements } = buildTopology(sinks);
    expect(elements.nodes.map((n) => n.data.id)).toEqual(expect.arrayContaining(['blackhole:us-east-1', 'passthrough:us-east-1']));
    expect(elements.nodes.find((n) => n.data.id === 'wl:us-west-2/b/api-v2')?.data.service).toBe('api');
  });
});
