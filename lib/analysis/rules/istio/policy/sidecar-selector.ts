import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects, selectorString } from '../../../hosts';
import { obj } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, PodView } from '../../../types';
import { namespaceInAmbient, namespacesOf, podInAmbient, podsByNamespace, selectorJudgeable, selectorLabels, selectsPodIn, sortedNames } from './workloads';

const AMBIENT_POD = 'selected workload is in ambient mode, the policy has no impact';
const AMBIENT_NAMESPACE = 'namespace is in ambient mode, the policy has no impact';
const AMBIENT_FIX = 'Remove the Sidecar: ambient workloads have no sidecar; configure a waypoint instead.';

/**
 * sidecar.SelectorAnalyzer for one cluster's Sidecars. IST0101 (selector): a
 * workload selector matching no pod of its namespace in any cluster of the
 * mesh (all clusters complete). IST0110: several Sidecars selecting the same
 * pod of the cluster. IST0111: several Sidecars of a namespace without
 * selector. IST0167 instead when the selected pod, or the namespace of a
 * selector-less Sidecar, is in ambient mode.
 */
export function checkSidecarSelectorsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const allComplete = ctx.clusters.every((x) => x.complete);
  const namespaces = namespacesOf(ctx, c);
  const byPod = new Map<PodView, ConfigObject[]>();
  const byNamespace = new Map<string, ConfigObject[]>();
  const at = (s: ConfigObject) => [ref(c.name, 'Sidecar', s.namespace, s.name)];
  for (const s of ctx.config(c, 'Sidecar')) {
    const selector = selectorLabels(obj(s.spec)?.workloadSelector, 'labels');
    if (!selector || Object.keys(selector).length === 0) {
      byNamespace.set(s.namespace, [...(byNamespace.get(s.namespace) ?? []), s]);
      continue;
    }
    if (!selectorJudgeable(ctx.clusters, selector)) continue;
    for (const p of podsByNamespace(ctx, c).get(s.namespace) ?? []) if (selects(selector, p.labels)) byPod.set(p, [...(byPod.get(p) ?? []), s]);
    if (allComplete && !selectsPodIn(ctx, s.namespace, selector)) {
      out.push(istioFinding('IST0101', at(s), ['selector', selectorString(selector)], 'Fix the workload selector labels, or deploy pods carrying them in the namespace.'));
    }
  }
  for (const [pod, list] of byPod) {
    const ambient = podInAmbient(c, pod, namespaces.get(pod.namespace));
    if (list.length < 2 && !ambient) continue;
    const names = sortedNames(list);
    for (const s of list) {
      out.push(ambient
        ? istioFinding('IST0167', at(s), [AMBIENT_POD], AMBIENT_FIX)
        : istioFinding('IST0110', at(s), [names, pod.namespace, pod.name], 'Make the Sidecar workload selectors disjoint, or merge the Sidecars into one.'));
    }
  }
  for (const [ns, list] of byNamespace) {
    if (namespaceInAmbient(namespaces.get(ns))) {
      for (const s of list) out.push(istioFinding('IST0167', at(s), [AMBIENT_NAMESPACE], AMBIENT_FIX));
      continue;
    }
    if (list.length < 2) continue;
    const names = sortedNames(list);
    for (const s of list) out.push(istioFinding('IST0111', at(s), [names, ns], 'Keep one Sidecar without workload selector per namespace; give the others selectors or merge them.'));
  }
  return out;
}
