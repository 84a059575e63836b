import { describe, expect, it } from 'vitest';
import { generatedInput } from './__fixtures__/generated';
import { buildTopology, buildTopologyPaced } from './build-topology';
import { groupTopology, groupTopologyPaced } from '../topology-view/grouped-topology';
import { PAUSE_EVERY, pauseAfter, runToEnd, type Paced } from './paced';

/** Runs a paced computation, counting its pauses. */
function countPauses<T>(paced: Paced<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = paced.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
  }
}

describe('paced computations', () => {
  it('pauseAfter marks the last item of every stretch of PAUSE_EVERY', () => {
    const marked = Array.from({ length: 3 * PAUSE_EVERY }, (_, i) => i).filter(pauseAfter);
    expect(marked).toEqual([PAUSE_EVERY - 1, 2 * PAUSE_EVERY - 1, 3 * PAUSE_EVERY - 1]);
  });

  it('runToEnd returns the result', () => {
    function* twice(): Paced<number> {
      yield;
      yield;
      return 2;
    }
    expect(runToEnd(twice())).toBe(2);
  });

  it('the topology build pauses in every pass over its series, nodes and edges, and gives the same graph as the one-call build', () => {
    const input = { ...generatedInput(3, 2_000, 6_000), graphType: 'workload' as const, hideIdle: false };
    const { value, pauses } = countPauses(buildTopologyPaced(input));
    expect(value).toEqual(buildTopology(input));
    // Identity, de-duplication (two passes) and p95 passes over the series, then the health, gateway and element passes over the graph.
    const seriesPasses = Math.floor(input.requests.length / PAUSE_EVERY) * 3 + Math.floor(input.p95.length / PAUSE_EVERY);
    const graphPasses = Math.floor((value.stats.nodes + 2 * value.stats.edges) / PAUSE_EVERY);
    expect(pauses).toBeGreaterThanOrEqual(seriesPasses + graphPasses);
  });

  it('grouping by namespace pauses in its passes over nodes and edges, and gives the one-call answer', () => {
    const input = { ...generatedInput(5, 3_000, 6_000), graphType: 'workload' as const, hideIdle: false };
    const data = { ...buildTopology(input), telemetry: {} };
    const { value, pauses } = countPauses(groupTopologyPaced(data, 'auto', ['ns-1']));
    expect(value).toEqual(groupTopology(data, 'auto', ['ns-1']));
    expect(value.grouping?.expanded).toEqual(['ns-1']);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((data.elements.nodes.length + data.elements.edges.length) / PAUSE_EVERY));
  });
});
