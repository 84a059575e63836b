import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects } from '../../../hosts';
import { podsCarry } from '../../../pod-labels';
import { list, obj, str, strings } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { exportToOf, lookupDestinationHost } from './destination-host';

/**
 * IST0174: a DestinationRule host that matches no Service of the mesh and no
 * ServiceEntry of its cluster (looked up in the DestinationRule's exportTo scopes). IST0173: a subset whose labels (with the
 * service entry's workload selector) select no pod in any cluster of the mesh,
 * endpoints carrying the topology labels istiod adds.
 */
export function checkDestinationRuleSubsets(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkDestinationRuleSubsetsIn));
}

/** IST0173 and IST0174 for the DestinationRules of one cluster (pods from every cluster of the mesh). */
export function checkDestinationRuleSubsetsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const allComplete = ctx.clusters.every((x) => x.complete);
  for (const dr of ctx.config(c, 'DestinationRule')) {
    const spec = obj(dr.spec);
    const host = str(spec?.host) ?? '';
    const at = [ref(c.name, 'DestinationRule', dr.namespace, dr.name)];
    const hit = lookupDestinationHost(ctx, c, dr.namespace, exportToOf(dr.spec), host);
    if (!hit) {
      if (allComplete) out.push(istioFinding('IST0174', at, [host], 'Point the DestinationRule at an existing service host, or create the Service/ServiceEntry.'));
      continue;
    }
    if (!allComplete) continue;
    // Subsets are told apart by name: a repeated name keeps its last labels.
    const subsets = new Map(list(spec?.subsets).map((s) => [str(obj(s)?.name) ?? '', { ...(hit.workloadSelector ?? {}), ...strings(obj(s)?.labels) }]));
    for (const [name, selector] of subsets) {
      if (!ctx.clusters.every((x) => podsCarry(x, Object.keys(selector)))) continue;
      if (!ctx.clusters.some((x) => ctx.endpoints(x).some((p) => selects(selector, p.labels)))) out.push(istioFinding('IST0173', at, [name], 'Fix the subset labels, or deploy pods carrying them.'));
    }
  }
  return out;
}
