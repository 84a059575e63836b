/**
 * Benchmark (not a test): builds a topology from a generated Prometheus answer
 * of 5,000 workloads and 20,000 edges, both reporters, and prints time and memory.
 *   node --expose-gc --import tsx server/bench/topology-build.ts [nodes] [edges]
 *   node --expose-gc --import tsx server/bench/topology-build.ts [nodes] [edges] --runs 7
 * With --runs, each run is a fresh process (same flags) and the figures are
 * summarised as min / median / max, with the load average before and after.
 * A CLI, so no 'server-only' import; it uses only the pure lib/topology code.
 * With --request [N], it times GET /api/v1/topology's work instead: N calls of
 * getTopology (server/telemetry/topology.ts) on the same generated answer and
 * an empty fleet model, each serialised as the route does; the first builds,
 * the rest are what a repeated request costs (memoised since the answer memo).
 *   node --conditions=react-server --expose-gc --import tsx server/bench/topology-build.ts 5000 20000 --request 20
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { buildTopology } from '../../lib/topology/build-topology';
import type { TrafficSample } from '../../lib/topology/types';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 0;
const requestAt = args.indexOf('--request');
const REQUESTS = requestAt >= 0 ? Number(args[requestAt + 1] ?? 20) : 0;
const flagged = new Set([runsAt, runsAt + 1, requestAt, requestAt + 1].filter((_, k) => (k < 2 ? runsAt : requestAt) >= 0));
const [nodesArg, edgesArg] = args.filter((_, i) => !flagged.has(i));
const NODES = Number(nodesArg ?? 5_000);
const EDGES = Number(edgesArg ?? 20_000);

if (RUNS > 0) {
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  const loadBefore = load();
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, String(NODES), String(EDGES)], { encoding: 'utf8', maxBuffer: 2 ** 24 });
    if (child.status !== 0) throw new Error(`run ${i + 1} failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { buildMs: number; buildCpuMs: number; output: { nodes: number }; elementsJsonMiB: number };
    runs.push({ buildMs: r.buildMs, buildCpuMs: r.buildCpuMs, nodes: r.output.nodes, elementsJsonMiB: r.elementsJsonMiB });
  }
  const summary = (k: string) => {
    const v = runs.map((r) => r[k]!).sort((a, b) => a - b);
    return { min: v[0], median: v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2, max: v[v.length - 1] };
  };
  console.log(JSON.stringify({ nodesAsked: NODES, edgesAsked: EDGES, runs: RUNS, nodes: runs[0]!.nodes, elementsJsonMiB: runs[0]!.elementsJsonMiB, buildMs: summary('buildMs'), buildCpuMs: summary('buildCpuMs'), each: runs.map((r) => [r.buildMs, r.buildCpuMs]), loadAverage: { before: loadBefore, after: load() } }));
  process.exit(0);
}
const CLUSTERS = 10;
const NAMESPACES = 50;

let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const wl = (i: number) => ({ cluster: `cluster-${i % CLUSTERS}`, ns: `ns-${Math.floor(i / CLUSTERS) % NAMESPACES}`, name: `svc-${i}-v${(i % 3) + 1}`, app: `svc-${i}`, version: `v${(i % 3) + 1}` });

/** The JSON a Prometheus would send for the graph's request query, then parsed the way the client parses it. */
function recordedAnswer(): { requests: TrafficSample[]; p95: TrafficSample[]; bytes: number } {
  const result: Array<{ metric: Record<string, string>; value: [number, string] }> = [];
  const p95: Array<{ metric: Record<string, string>; value: [number, string] }> = [];
  for (let e = 0; e < EDGES; e++) {
    const s = wl(Math.floor(rand() * NODES));
    const d = wl(Math.floor(rand() * NODES));
    const base = {
      source_cluster: s.cluster, source_workload_namespace: s.ns, source_workload: s.name, source_canonical_service: s.app, source_canonical_revision: s.version,
      destination_cluster: d.cluster, destination_workload_namespace: d.ns, destination_workload: d.name, destination_canonical_service: d.app, destination_canonical_revision: d.version,
      destination_service_namespace: d.ns, destination_service_name: d.app, destination_service: `${d.app}.${d.ns}.svc.cluster.local`, request_protocol: 'http', grpc_response_status: '', response_flags: '-',
    };
    const rps = 1 + rand() * 20;
    for (const reporter of ['destination', 'source']) {
      const tls = reporter === 'destination' ? 'mutual_tls' : 'unknown';
      result.push({ metric: { ...base, reporter, connection_security_policy: tls, response_code: '200' }, value: [0, String(rps * 0.98)] });
      result.push({ metric: { ...base, reporter, connection_security_policy: tls, response_code: '503' }, value: [0, String(rps * 0.02)] });
      p95.push({ metric: { ...base, reporter }, value: [0, String(10 + rand() * 500)] });
    }
  }
  const text = JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
  const parse = (rows: typeof result): TrafficSample[] => rows.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  const parsed = JSON.parse(text) as { data: { result: typeof result } };
  return { requests: parse(parsed.data.result), p95: parse(p95), bytes: text.length };
}

const gc = (globalThis as { gc?: () => void }).gc;
const { requests, p95, bytes } = recordedAnswer();

/** CPU ms of each of REQUESTS getTopology calls plus serialisation, as the route does them. */
async function requestCosts(): Promise<void> {
  const topo = await import('../telemetry/topology');
  const { fleetFacts } = await import('../telemetry/fleet-facts');
  const { FleetModel } = await import('../fleet/model');
  const { ALL } = await import('../fleet/scope');
  // Before the memo there was no topologyJsonText: the route stringified the envelope.
  const text = (topo as { topologyJsonText?: (r: unknown) => string }).topologyJsonText ?? JSON.stringify;
  // The generated answer holds both reporters: each query gets its reporter's series, as Prometheus would answer it.
  const of = (rows: TrafficSample[], reporter: string) => rows.filter((r) => r.metric.reporter === reporter);
  const split = { destination: { requests: of(requests, 'destination'), p95: of(p95, 'destination') }, source: { requests: of(requests, 'source'), p95: of(p95, 'source') } };
  const client = {
    instant: async (build: (ctx: unknown) => string) => {
      const q = build({ mode: 'per-cluster', clusterMatchers: [] });
      const byReporter = split[/reporter="source"/.test(q) ? 'source' : 'destination'];
      return { samples: /quantile|bucket/.test(q) ? byReporter.p95 : /tcp/.test(q) ? [] : byReporter.requests, clusters: {} };
    },
  };
  const svc = { client, window: '1m', tolerances: [], cacheSeconds: 3600 } as never;
  const facts = fleetFacts(new FleetModel(), ALL);
  // The parsed query of ?graphType=workload&hideIdle=true (lib/api/topology.ts pulls in react-query, which react-server cannot load).
  const query = { graphType: 'workload', hideIdle: true, hops: 1 } as const;
  const each: Array<{ cpuMs: number; ms: number; bytes: number }> = [];
  for (let i = 0; i < REQUESTS; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const body = text(await topo.getTopology(svc, facts, query));
    const c = process.cpuUsage(c0);
    each.push({ cpuMs: Math.round((c.user + c.system) / 100) / 10, ms: Math.round((performance.now() - w0) * 10) / 10, bytes: body.length });
  }
  const rest = each.slice(1).map((r) => r.cpuMs).sort((a, b) => a - b);
  console.log(JSON.stringify({ requests: REQUESTS, memo: 'topologyJsonText' in topo, first: each[0], repeatedCpuMs: { min: rest[0], median: rest[Math.floor(rest.length / 2)], max: rest[rest.length - 1] }, answerBytes: each[0]?.bytes }));
}
if (REQUESTS > 0) {
  await requestCosts();
  process.exit(0);
}
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { elements, stats } = buildTopology({
  graphType: 'workload',
  requests,
  tcp: [],
  p95,
  hideIdle: true,
  networkOf: (c) => (Number(c.split('-')[1]) % 2 === 0 ? 'net-a' : 'net-b'),
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const heapAfter = process.memoryUsage().heapUsed;
const json = JSON.stringify(elements);
console.log(
  JSON.stringify(
    {
      input: { series: requests.length + p95.length, recordedAnswerMiB: +(bytes / 2 ** 20).toFixed(1) },
      output: stats,
      buildMs: Math.round(ms),
      buildCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapDeltaMiB: +((heapAfter - heapBefore) / 2 ** 20).toFixed(1),
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      elementsJsonMiB: +(json.length / 2 ** 20).toFixed(1),
      gc: gc ? 'forced before build' : 'not exposed (run with --expose-gc)',
    },
    null,
    2,
  ),
);
