import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects, selectorString } from '../../../hosts';
import { obj } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, PodView } from '../../../types';
import { TELEMETRY } from './telemetry-providers';
import { podsByNamespace, selectorJudgeable, selectorLabels, selectsPodIn, sortedNames } from './workloads';

/**
 * IST0101 (selector): a Telemetry whose selector matches no pod of its
 * namespace in any cluster of the mesh (all clusters complete). IST0159:
 * several Telemetries of one cluster selecting the same pod of that cluster.
 */
export function checkTelemetrySelectorsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const allComplete = ctx.clusters.every((x) => x.complete);
  const byPod = new Map<PodView, ConfigObject[]>();
  const at = (t: ConfigObject) => [ref(c.name, 'Telemetry', t.namespace, t.name)];
  for (const t of ctx.config(c, 'Telemetry', TELEMETRY)) {
    const selector = selectorLabels(obj(t.spec)?.selector, 'matchLabels');
    if (!selector || Object.keys(selector).length === 0) continue;
    if (!selectorJudgeable(ctx.clusters, selector)) continue;
    for (const p of podsByNamespace(ctx, c).get(t.namespace) ?? []) if (selects(selector, p.labels)) byPod.set(p, [...(byPod.get(p) ?? []), t]);
    if (allComplete && !selectsPodIn(ctx, t.namespace, selector)) {
      out.push(istioFinding('IST0101', at(t), ['selector', selectorString(selector)], 'Fix the selector labels, or deploy pods carrying them in the namespace.'));
    }
  }
  for (const [pod, list] of byPod) {
    if (list.length < 2) continue;
    const names = sortedNames(list);
    for (const t of list) {
      out.push(istioFinding('IST0159', at(t), [names, pod.namespace, pod.name], 'Make the Telemetry selectors disjoint, or merge the Telemetries into one.'));
    }
  }
  return out;
}
