import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { list, num, obj, str } from '../../spec';
import type { ConfigObject, Finding } from '../../types';
import { runUnits, type Unit } from '../../units';
import { GATEWAY_API } from './waypoints';

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;
/** The two conditions a working route has on every parent. */
const REQUIRED = ['Accepted', 'ResolvedRefs'] as const;

/** What one cluster's controller says of a route: all well, or the conditions that are not True. */
type Verdict = { ok: true } | { ok: false; problems: string[] };

/** A parentRef as people write it: 'Gateway istio-ingress/public:http', 'Service shop/cart:8080'. */
function parentName(route: ConfigObject, parentRef: unknown): string {
  const p = obj(parentRef) ?? {};
  const section = str(p.sectionName) ?? (num(p.port) !== undefined ? String(num(p.port)) : undefined);
  return `${str(p.kind) ?? 'Gateway'} ${str(p.namespace) ?? route.namespace}/${str(p.name) ?? ''}${section ? `:${section}` : ''}`;
}

/**
 * A route's verdict from its status.parents; undefined when the status says
 * nothing about the two conditions (not written yet, or not kept by the source).
 */
export function routeVerdict(route: ConfigObject): Verdict | undefined {
  const parents = list(obj(route.status)?.parents).map((p) => obj(p) ?? {});
  const problems: string[] = [];
  let judged = 0;
  for (const p of parents) {
    const conds = list(p.conditions).map((c) => obj(c) ?? {});
    for (const type of REQUIRED) {
      const c = conds.find((x) => x.type === type);
      if (!c) continue;
      judged++;
      if (c.status === 'True') continue;
      const why = [str(c.reason), str(c.message)].filter(Boolean).join(': ');
      problems.push(`${parentName(route, p.parentRef)} ${type} ${str(c.status) ?? 'Unknown'}${why ? ` (${why})` : ''}`);
    }
  }
  if (judged === 0) return undefined;
  return problems.length ? { ok: false, problems } : { ok: true };
}

/** MG0021: an HTTPRoute or GRPCRoute that works in some clusters of the mesh and not in others. */
export function checkRouteStatus(ctx: AnalysisContext): Finding[] {
  return runUnits(routeStatusUnits(ctx));
}

/**
 * MG0021 a cluster at a time: each unit records its routes' verdicts, the
 * last compares them. Istio's IST0171 already reports each cluster's
 * negative conditions; this is about clusters disagreeing on one route.
 */
export function routeStatusUnits(ctx: AnalysisContext): Unit[] {
  if (ctx.clusters.length < 2) return [];
  const byRoute = new Map<string, Array<{ cluster: string; verdict: Verdict }>>();
  const units: Unit[] = ctx.clusters.map((c) => ({
    run: () => {
      for (const kind of ROUTE_KINDS) {
        for (const r of ctx.config(c, kind, GATEWAY_API)) {
          const verdict = routeVerdict(r);
          if (!verdict) continue;
          const key = `${kind}/${r.namespace}/${r.name}`;
          byRoute.set(key, [...(byRoute.get(key) ?? []), { cluster: c.name, verdict }]);
        }
      }
      return [];
    },
  }));
  units.push({
    run: () => {
      const out: Finding[] = [];
      for (const [key, all] of byRoute) {
        const good = all.filter((x) => x.verdict.ok).map((x) => x.cluster).sort();
        const bad = all.filter((x) => !x.verdict.ok).sort((a, b) => a.cluster.localeCompare(b.cluster));
        if (good.length === 0 || bad.length === 0) continue;
        const [kind, namespace, name] = key.split('/') as [string, string, string];
        const says = bad.map((x) => `${x.cluster}: ${(x.verdict as { problems: string[] }).problems.join('; ')}`).join('. ');
        out.push(meshFinding('MG0021', bad.map((x) => ref(x.cluster, kind, namespace, name)),
          `${kind} ${namespace}/${name} is Accepted with ResolvedRefs in ${good.join(', ')} but not in ${bad.map((x) => x.cluster).join(', ')}; ${says}.`,
          { mentions: good.map((x) => ref(x, kind, namespace, name)) }));
      }
      return out;
    },
  });
  return units;
}
