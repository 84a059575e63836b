import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str, type Obj } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { labelSelectorMatches } from '../../../label-selector';
import { PROXY_CONTAINER, containersOf, isDeployment, isTemplatePod, namespacesByName, podSpecOf, resourcesOfKind, templateOf } from './kube';

/** Whether an istio-proxy container asks the injector to fill its image in (`image: auto`). */
function hasAutoImage(spec: Obj): boolean {
  return containersOf(spec).some((c) => c.name === PROXY_CONTAINER && c.image === 'auto');
}

/** Istio's mutating webhooks (names ending in istio.io), or undefined when the source keeps no webhook configurations. */
function istioWebhooks(c: ClusterView): Obj[] | undefined {
  const configs = resourcesOfKind(c, 'MutatingWebhookConfiguration');
  if (!configs) return undefined;
  return configs.flatMap((r) => list(r.body.webhooks).map((w) => obj(w) ?? {})).filter((w) => (str(w.name) ?? '').endsWith('istio.io'));
}

/**
 * injection.ImageAutoAnalyzer: IST0147 for a Pod with `image: auto` (a
 * running pod still carrying it was never injected); IST0146 for a
 * Deployment with it whose namespace and template labels match no Istio
 * injection webhook.
 */
export function checkImageAutoIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const p of c.pods) {
    const spec = podSpecOf(p);
    if (!spec || isTemplatePod(p) || !hasAutoImage(spec)) continue;
    out.push(istioFinding('IST0147', [ref(c.name, 'Pod', p.namespace, p.name)], ['Pod', p.name], "Enable injection for the pod's namespace or labels, then recreate the pod."));
  }
  // No matching webhook is a conclusion from absence: not drawn on a cluster still syncing.
  const webhooks = c.complete ? istioWebhooks(c) : undefined;
  if (!webhooks) return out;
  const namespaces = namespacesByName(c);
  for (const d of c.deployments) {
    const template = templateOf(d);
    if (!template || !isDeployment(d) || !hasAutoImage(template.spec)) continue;
    const nsLabels = namespaces.get(d.namespace)?.labels ?? {};
    const injected = webhooks.some((w) => labelSelectorMatches(w.namespaceSelector, nsLabels) && labelSelectorMatches(w.objectSelector, template.labels));
    if (!injected) {
      out.push(istioFinding('IST0146', [ref(c.name, 'Deployment', d.namespace, d.name)], ['Deployment', d.name], 'Label the namespace (istio-injection=enabled or istio.io/rev) or the pod template so an Istio injection webhook selects it.'));
    }
  }
  return out;
}
