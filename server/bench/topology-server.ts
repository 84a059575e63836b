/**
 * Server-side topology build time, through the telemetry engineer's
 * server/bench/topology-build.ts (a generated Prometheus answer -> graph),
 * once per run and size, each in a fresh process with --expose-gc.
 */
import { runJson, tsxArgs } from './children';
import { spreadOf, type Spread } from './stats';

interface BuildRun {
  output: { nodes?: number; edges?: number } & Record<string, unknown>;
  buildMs: number;
  buildCpuMs: number;
  heapDeltaMiB: number;
  rssMiB: number;
  elementsJsonMiB: number;
}

export interface TopologyServerResult {
  requestedNodes: number;
  requestedEdges: number;
  nodes: number;
  edges: number;
  buildMs: Spread;
  /** CPU time of the build: on a shared machine closer to the work done than the wall time. */
  cpuMs: Spread;
  heapDeltaMiB: Spread;
  rssMiB: Spread;
  elementsJsonMiB: number;
}

export async function measureTopologyBuild(nodes: number, edges: number, runs: number): Promise<TopologyServerResult> {
  const out: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(await runJson<BuildRun>(process.execPath, tsxArgs('server/bench/topology-build.ts', [String(nodes), String(edges)], ['--expose-gc']), { timeoutMs: 180_000, label: `topology-build ${nodes}` }));
  }
  const first = out[0]!;
  return {
    requestedNodes: nodes,
    requestedEdges: edges,
    nodes: Number(first.output.nodes ?? Number.NaN),
    edges: Number(first.output.edges ?? Number.NaN),
    buildMs: spreadOf(out, (r) => r.buildMs, 0),
    cpuMs: spreadOf(out, (r) => r.buildCpuMs, 0),
    heapDeltaMiB: spreadOf(out, (r) => r.heapDeltaMiB),
    rssMiB: spreadOf(out, (r) => r.rssMiB, 0),
    elementsJsonMiB: first.elementsJsonMiB,
  };
}
