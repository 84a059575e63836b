/**
 * Measures what one cluster's /stats/prometheus costs to render, with and without the data-plane
 * resolver, on a generated fleet (default: the benchmark's M) or the demo:
 *   npx tsx server/sim/telemetry/measure-scrape.ts [--clusters 50 --namespaces 10 --services 200 --pods 5 --seed 1] [--demo] [--runs 10]
 * Prints one JSON line: median milliseconds per render, plain (no resolver), resolved (stores unchanged
 * between scrapes, the usual case) and churned (a store write before every scrape: every decision recomputed).
 */
import { buildStores } from '../fleet/build-stores';
import { demoFleet } from '../fleet/demo-fleet';
import { generatedFleet, type GeneratedFleetOptions } from '../fleet/generated-fleet';
import { DataplaneResolver } from './dataplane-resolver';
import { renderClusterMetrics } from './exposition';
import { TrafficModel } from './traffic-model';

function parse(argv: string[]): { fleet: 'demo' | GeneratedFleetOptions; runs: number } {
  const o: GeneratedFleetOptions = { clusters: 50, namespaces: 10, services: 200, pods: 5, seed: 1 };
  let demo = false;
  let runs = 10;
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const v = Number(argv[i + 1]);
    if (f === '--demo') demo = true;
    else if (f === '--runs') [runs, i] = [v, i + 1];
    else if (f && ['--clusters', '--namespaces', '--services', '--pods', '--seed'].includes(f)) [o[f.slice(2) as keyof GeneratedFleetOptions], i] = [v as never, i + 1];
    else throw new Error(`unknown flag ${f}`);
  }
  return { fleet: demo ? 'demo' : o, runs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function time(runs: number, before: () => void, fn: () => number): { ms: number; bytes: number } {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    before();
    const t0 = performance.now();
    bytes = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: Math.round(median(ms) * 10) / 10, bytes };
}

function main(): void {
  const { fleet, runs } = parse(process.argv.slice(2));
  const spec = fleet === 'demo' ? demoFleet() : generatedFleet(fleet);
  const stores = buildStores(spec, 'measure-scrape root');
  // A fixed clock: counters stand still, so the texts with and without the resolver can be compared.
  const model = new TrafficModel(spec, () => 1_700_000_000_000);
  const cluster = spec.clusters[0]?.name ?? '';
  const resolver = new DataplaneResolver((name) => stores.get(name));
  const sizeBuckets = fleet === 'demo';
  const text = (withResolver: boolean) => renderClusterMetrics(model, cluster, 1_700_000_090_000, { sizeBuckets, ...(withResolver ? { dataplane: resolver } : {}) });
  // byteLength flattens the joined string, as the metrics server does before it sends it.
  const render = (withResolver: boolean) => Buffer.byteLength(text(withResolver));
  // Warm up both paths (JIT, the resolver's first decisions).
  render(false);
  render(true);
  const touch = () => {
    for (const s of stores.values()) s.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'measure-scrape-churn', namespace: 'default' }, data: { at: String(performance.now()) } });
  };
  const plain = time(runs, () => undefined, () => render(false));
  const resolved = time(runs, () => undefined, () => render(true));
  const churned = time(runs, touch, () => render(true));
  process.stdout.write(
    `${JSON.stringify({ fleet: spec.name, cluster, edges: model.edges.length, bytes: plain.bytes, plainMs: plain.ms, resolvedMs: resolved.ms, churnedMs: churned.ms, sameText: text(false) === text(true), node: process.version })}\n`,
  );
}

main();
