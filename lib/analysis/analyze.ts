import { AnalysisContext } from './context';
import { RULES, type Rule } from './rules/registry';
import { obj } from './spec';
import type { AnalysisOptions, ClusterView, Finding, Level } from './types';
import { readsAny, type Unit } from './units';

const LEVEL_ORDER: Record<Level, number> = { Error: 0, Warning: 1, Info: 2 };

/** The mesh group of a cluster: its mesh ID, or '~<cluster>' when it has none (analysed alone). */
export function meshKey(c: ClusterView): string {
  return c.mesh ?? `~${c.name}`;
}

/** Clusters grouped by mesh, groups and members sorted by name. */
export function groupByMesh(clusters: Iterable<ClusterView>): Map<string, ClusterView[]> {
  const out = new Map<string, ClusterView[]>();
  for (const c of clusters) out.set(meshKey(c), [...(out.get(meshKey(c)) ?? []), c]);
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function runRules(rules: readonly Rule[], ctx: AnalysisContext): Finding[] {
  const { codes, analyzers } = ctx.options;
  const out: Finding[] = [];
  for (const r of rules) {
    if (codes && !r.codes.some((c) => codes.has(c))) continue;
    if (analyzers && !(r.analyzer && analyzers.has(r.analyzer))) continue;
    for (const f of r.run(ctx)) if (!codes || codes.has(f.code)) out.push(f);
  }
  return out;
}

/** Findings of the per-mesh rules for one mesh group. */
export function analyzeMesh(mesh: string, clusters: readonly ClusterView[], options: AnalysisOptions = {}): Finding[] {
  return runRules(RULES.filter((r) => r.scope === 'mesh'), new AnalysisContext(mesh, clusters, options));
}

/** Findings of the fleet-wide rules (mesh identity across meshes, duplicate names, telemetry labels). */
export function analyzeFleetWide(clusters: readonly ClusterView[], options: AnalysisOptions = {}): Finding[] {
  return runRules(RULES.filter((r) => r.scope === 'fleet'), new AnalysisContext('*', clusters, options));
}

/** Errors first, then warnings, then info; then by code and first object. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => f.objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`).join(',');
  return findings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || key(a).localeCompare(key(b)) || a.message.localeCompare(b.message));
}

/** Runs every rule over the clusters: per mesh, then fleet-wide; duplicates (same id) dropped. */
export function analyze(clusters: readonly ClusterView[], options: AnalysisOptions = {}): Finding[] {
  const out = new Map<string, Finding>();
  for (const [mesh, members] of groupByMesh(clusters)) for (const f of analyzeMesh(mesh, members, options)) out.set(f.id, f);
  for (const f of analyzeFleetWide(clusters, options)) out.set(f.id, f);
  return sortFindings([...out.values()]);
}

/** Whether findings contain anything above Info (the CLI's failure condition). */
export function hasProblems(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level !== 'Info');
}

/**
 * Builds the mesh-wide indexes the rules about to run share, a cluster per
 * unit, so that no single rule piece builds them for the whole mesh: the
 * Services by host, and (when some DestinationRule has subsets to check) the
 * pods' endpoint labels.
 */
export function* indexUnits(ctx: AnalysisContext, rules: readonly Rule[]): Generator<Unit> {
  if (!rules.some((r) => readsAny(r.reads, ['services']))) return;
  const none: Finding[] = [];
  for (let k = 1; k <= ctx.clusters.length; k++) {
    const upTo = k;
    yield { run: () => {
      ctx.indexServices(upTo);
      return none;
    } };
  }
  if (!rules.some((r) => r.reads.includes('config:DestinationRule') && r.reads.includes('pods'))) return;
  if (!ctx.clusters.every((c) => c.complete)) return;
  let needed = false;
  for (const c of ctx.clusters) {
    yield { run: () => {
      needed ||= ctx.config(c, 'DestinationRule').some((dr) => Array.isArray(obj(dr.spec)?.subsets));
      return none;
    } };
  }
  for (const c of ctx.clusters) {
    yield { run: () => {
      if (needed) ctx.endpoints(c);
      return none;
    } };
  }
}
