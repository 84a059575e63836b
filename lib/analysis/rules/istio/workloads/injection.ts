import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { obj } from '../../../spec';
import type { ClusterView, Finding, KubeResource, NamespaceView } from '../../../types';
import {
  DATAPLANE_MODE_LABEL, IGNORED_NAMESPACES, INJECTION_LABEL, REVISION_LABEL, SIDECAR_INJECT,
  allContainersOf, has, injectorConfigMapName, injectorValues, isTemplatePod, podSpecOf, proxyImageOf, resourcesOfKind,
} from './kube';

/** Istio skips this namespace by its literal name, whatever the configured Istio namespace. */
const ISTIO_SYSTEM = 'istio-system';

/** sidecarInjectorWebhook.enableNamespacesByDefault of an injector ConfigMap (unreadable: false). */
function enablesNamespacesByDefault(cm: KubeResource): boolean {
  return obj(injectorValues(cm)?.sidecarInjectorWebhook)?.enableNamespacesByDefault === true;
}

/** The injection labels of a namespace that compete (istio-injection=disabled silences the others). */
function injectionLabels(labels: Record<string, string>): string[] {
  const out: string[] = [];
  const legacy = has(labels, INJECTION_LABEL);
  if (legacy) out.push(`${INJECTION_LABEL}=${labels[INJECTION_LABEL]}`);
  for (const key of [REVISION_LABEL, DATAPLANE_MODE_LABEL]) {
    if (has(labels, key) && (!legacy || labels[INJECTION_LABEL] === 'enabled')) out.push(`${key}=${labels[key]}`);
  }
  return out;
}

const byName = (a: NamespaceView, b: NamespaceView) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * injection.Analyzer: IST0123 (several injection labels on a namespace),
 * IST0102 / IST0148 (a namespace without injection labels, unless ambient),
 * IST0103 (a pod in an istio-injection=enabled namespace without a proxy).
 */
export function checkInjectionIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  // Without the injector ConfigMaps (the fleet keeps none, a syncing cluster may lack them) enableNamespacesByDefault is unknown, so unlabelled namespaces are not judged.
  const configMaps = c.complete ? resourcesOfKind(c, 'ConfigMap') : undefined;
  // Istio keeps the last flag it read across namespaces, so a namespace whose revision has no ConfigMap inherits it.
  let enabledByDefault = false;
  const injected = new Set<string>();
  for (const ns of [...c.namespaces].sort(byName)) {
    if (ns.name === ISTIO_SYSTEM || IGNORED_NAMESPACES.has(ns.name)) continue;
    const at = [ref(c.name, 'Namespace', '', ns.name)];
    const labels = ns.labels;
    const competing = injectionLabels(labels);
    if (competing.length > 1) out.push(istioFinding('IST0123', at, [competing], 'Keep one injection label on the namespace: istio-injection, istio.io/rev or istio.io/dataplane-mode.'));
    if (labels[DATAPLANE_MODE_LABEL] === 'ambient') continue;
    const cm = configMaps?.find((r) => r.name === injectorConfigMapName(labels[REVISION_LABEL] ?? ''));
    if (cm) enabledByDefault = enablesNamespacesByDefault(cm);
    const legacy = labels[INJECTION_LABEL] ?? '';
    if (legacy === '' && !has(labels, REVISION_LABEL)) {
      if (!configMaps) continue;
      if (enabledByDefault) out.push(istioFinding('IST0148', at, [], 'Nothing to do if sidecars are wanted here; label the namespace istio-injection=disabled to keep them out.'));
      else out.push(istioFinding('IST0102', at, [ns.name, ns.name], 'Label the namespace istio-injection=enabled, or istio-injection=disabled if it needs no sidecars.'));
      continue;
    }
    if (legacy === 'enabled') injected.add(ns.name);
  }
  for (const p of c.pods) {
    if (!injected.has(p.namespace) || isTemplatePod(p)) continue;
    // Without the spec (and the pod's annotations) hostNetwork and an opt-out annotation are unknown.
    const spec = podSpecOf(p);
    if (!spec) continue;
    const optOut = has(p.labels, SIDECAR_INJECT) ? p.labels[SIDECAR_INJECT] : p.annotations?.[SIDECAR_INJECT];
    if (optOut?.toLowerCase() === 'false' || spec.hostNetwork === true) continue;
    if (proxyImageOf(allContainersOf(spec)) === '') {
      out.push(istioFinding('IST0103', [ref(c.name, 'Pod', p.namespace, p.name)], [`${p.namespace}/${p.name}`], 'Restart the workload (kubectl rollout restart) so the injector adds the sidecar.'));
    }
  }
  return out;
}
