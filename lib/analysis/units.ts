import type { ClusterView, Finding } from './types';

/**
 * What a rule reads of a cluster: a kind of object, or `config:<Kind>` (one
 * Istio/Admiral kind), or `config` (every config kind). A cluster's state
 * (complete, mesh, network, pod label keys) is read by every rule.
 */
export type Input = 'services' | 'pods' | 'deployments' | 'namespaces' | 'nodes' | 'rootCerts' | 'secrets' | 'meshConfigs' | 'controlPlanes' | 'resources' | 'config' | `config:${string}`;

/** Whether two input lists share an input (`config` covers every `config:<Kind>`). */
export function readsAny(reads: readonly Input[], changed: Iterable<Input>): boolean {
  for (const c of changed) {
    for (const r of reads) {
      if (r === c || (r === 'config' && c.startsWith('config:')) || (c === 'config' && r.startsWith('config:'))) return true;
    }
  }
  return false;
}

/**
 * One piece of an analysis run: small enough to run between two turns of the
 * event loop (one cluster's part of a rule, or a chunk of a mesh-wide rule).
 * `cluster` is set when the piece checks only that cluster's objects.
 */
export interface Unit {
  cluster?: string;
  run(): Finding[];
}

/** Runs units in order and concatenates their findings (the whole rule, as one call). */
export function runUnits(units: Iterable<Unit>): Finding[] {
  const out: Finding[] = [];
  for (const u of units) for (const f of u.run()) out.push(f);
  return out;
}

/** One unit per cluster, in the clusters' order. */
export function clusterUnits<C>(ctx: C & { clusters: readonly ClusterView[] }, check: (ctx: C, c: ClusterView) => Finding[]): Unit[] {
  return ctx.clusters.map((c) => ({ cluster: c.name, run: () => check(ctx, c) }));
}

/** Items in consecutive chunks whose summed weight stays under `budget` (a heavier item is a chunk alone). */
export function chunks<T>(items: readonly T[], weight: (t: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let w = 0;
  for (const it of items) {
    const iw = weight(it);
    if (cur.length && w + iw > budget) {
      out.push(cur);
      cur = [];
      w = 0;
    }
    cur.push(it);
    w += iw;
  }
  if (cur.length) out.push(cur);
  return out;
}
