/**
 * How Istio's policy analyzers see workloads: which pods a selector picks,
 * which pods and namespaces are in the mesh, which run in ambient mode.
 */
import type { AnalysisContext } from '../../../context';
import { selects } from '../../../hosts';
import { podsCarry } from '../../../pod-labels';
import { list, obj, str, strings } from '../../../spec';
import type { ClusterView, ConfigObject, NamespaceView, PodView } from '../../../types';

/** The annotation istio-cni sets on pods whose traffic ztunnel captures. */
const AMBIENT_REDIRECTION = 'ambient.istio.io/redirection';

/** The label pairs of a selector field (`{matchLabels: ...}` or `{labels: ...}`), or undefined when the field is absent or null. */
export function selectorLabels(selector: unknown, key: 'matchLabels' | 'labels'): Record<string, string> | undefined {
  const s = obj(selector);
  return s ? strings(s[key]) : undefined;
}

/** Namespaces of a cluster by name. */
export function namespacesOf(ctx: AnalysisContext, c: ClusterView): Map<string, NamespaceView> {
  return ctx.memo(`policy:namespaces:${c.name}`, () => new Map([...c.namespaces].map((n) => [n.name, n])));
}

/** Whether a namespace is labelled for ambient mode (a sidecar injection or revision label wins over it). */
export function namespaceInAmbient(ns: NamespaceView | undefined): boolean {
  if (!ns) return false;
  if (ns.labels['istio-injection'] === 'enabled') return false;
  if (ns.labels['istio.io/rev']) return false;
  return ns.labels['istio.io/dataplane-mode'] === 'ambient';
}

/**
 * Whether a pod runs in ambient mode: istio-cni's redirection annotation.
 * Sources that keep few pod annotations (the fleet model, whose pods are
 * running ones) cannot show it, so there a pod without a proxy in a namespace
 * labelled for ambient counts as ambient.
 */
export function podInAmbient(c: ClusterView, pod: PodView, ns: NamespaceView | undefined): boolean {
  if (pod.annotations?.[AMBIENT_REDIRECTION] === 'enabled') return true;
  const annotationsKept = c.podLabelKeys === undefined;
  return !annotationsKept && !pod.hasProxy && ns?.labels['istio.io/dataplane-mode'] === 'ambient';
}

/** A cluster's pods by namespace, built once per run. */
export function podsByNamespace(ctx: AnalysisContext, c: ClusterView): Map<string, PodView[]> {
  return ctx.memo(`policy:pods-by-namespace:${c.name}`, () => {
    const out = new Map<string, PodView[]>();
    for (const p of c.pods) {
      let list = out.get(p.namespace);
      if (!list) out.set(p.namespace, (list = []));
      list.push(p);
    }
    return out;
  });
}

/** Whether the pod has an istio-proxy container with an image (Istio's test of an injected pod). */
function hasIstioProxy(pod: PodView): boolean {
  const spec = obj(pod.spec);
  if (!spec) return pod.hasProxy;
  const proxy = [...list(spec.containers), ...list(spec.initContainers)].map(obj).find((x) => x?.name === 'istio-proxy');
  return !!str(proxy?.image);
}

/**
 * Whether a pod has (or will get) a sidecar: an istio-proxy container, else
 * its sidecar.istio.io/inject label or annotation, else its namespace's
 * istio-injection label.
 */
export function podInMesh(pod: PodView, ns: NamespaceView | undefined): boolean {
  if (hasIstioProxy(pod)) return true;
  const label = pod.labels['sidecar.istio.io/inject'];
  if (label !== undefined) return label === 'true';
  const annotation = pod.annotations?.['sidecar.istio.io/inject'];
  if (annotation !== undefined) return annotation === 'true';
  return ns?.labels['istio-injection'] === 'enabled';
}

/** Whether every cluster's pods carry the selector's keys, so a match or its absence means something. */
export function selectorJudgeable(clusters: readonly ClusterView[], selector: Record<string, string>): boolean {
  return clusters.every((x) => podsCarry(x, Object.keys(selector)));
}

/** Whether some pod of the namespace, in any cluster of the mesh, has the labels. */
export function selectsPodIn(ctx: AnalysisContext, namespace: string, selector: Record<string, string>): boolean {
  return ctx.clusters.some((x) => (podsByNamespace(ctx, x).get(namespace) ?? []).some((p) => selects(selector, p.labels)));
}

/** Names of objects, sorted (how Istio lists conflicting resources). */
export function sortedNames(objects: readonly ConfigObject[]): string[] {
  return objects.map((o) => o.name).sort();
}
