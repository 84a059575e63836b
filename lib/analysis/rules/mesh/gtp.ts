import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { list, num, obj, str } from '../../spec';
import type { ClusterView, ConfigObject, Finding, PodView } from '../../types';
import { clusterUnits, runUnits } from '../../units';

/** Admiral's environment of an object: admiral.io/env annotation or label, else env label, else 'default'. */
export function admiralEnv(o: { labels: Record<string, string>; annotations?: Record<string, string> }): string {
  return o.annotations?.['admiral.io/env'] ?? o.labels['admiral.io/env'] ?? o.labels.env ?? 'default';
}

/** Ready pods of an Admiral identity per region (the node's region, else the cluster's only region). */
function healthyRegions(ctx: AnalysisContext, identity: string, env: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of ctx.clusters) {
    const nodes = new Map([...c.nodes].map((n) => [n.name, n.region]));
    const regions = new Set([...nodes.values()].filter(Boolean));
    const fallback = regions.size === 1 ? [...regions][0] : undefined;
    for (const p of c.pods as Iterable<PodView>) {
      if (p.labels.identity !== identity || !p.ready) continue;
      if (env !== 'default' && admiralEnv(p) !== 'default' && admiralEnv(p) !== env) continue;
      const region = (p.nodeName ? nodes.get(p.nodeName) : undefined) ?? fallback;
      if (region) out.set(region, (out.get(region) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * MG0016: an Admiral GlobalTrafficPolicy that sends weight to a region where
 * the identity has no ready pod in any cluster of the mesh; that share of
 * traffic fails or spills over unpredictably.
 */
export function checkTrafficPolicyRegions(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkTrafficPolicyRegionsIn));
}

/** MG0016 for the GlobalTrafficPolicies of one cluster (regions from every cluster's pods). */
export function checkTrafficPolicyRegionsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!ctx.clusters.every((x) => x.complete)) return [];
  const out: Finding[] = [];
  for (const gtp of ctx.config(c, 'GlobalTrafficPolicy', 'admiral.io') as ConfigObject[]) {
    const identity = gtp.labels.identity;
    if (!identity) continue;
    // Once per identity and env: several policies (and clusters) name the same identity.
    const env = admiralEnv(gtp);
    const healthy = ctx.memo(`gtp-regions\u0000${identity}\u0000${env}`, () => healthyRegions(ctx, identity, env));
    for (const policy of list(obj(gtp.spec)?.policy)) {
      const prefix = str(obj(policy)?.dnsPrefix) ?? 'default';
      for (const t of list(obj(policy)?.target)) {
        const region = str(obj(t)?.region);
        const weight = num(obj(t)?.weight) ?? 0;
        if (!region || weight <= 0 || healthy.has(region)) continue;
        out.push(meshFinding('MG0016', [ref(c.name, 'GlobalTrafficPolicy', gtp.namespace, gtp.name)], `GlobalTrafficPolicy ${gtp.namespace}/${gtp.name} (identity ${identity}, dnsPrefix ${prefix}) sends ${weight}% to region ${region}, where ${identity} has no ready endpoints.`));
      }
    }
  }
  return out;
}
