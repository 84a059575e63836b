import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects, selectorString } from '../../../hosts';
import { meshConfigOf } from '../../../mesh-config';
import { list, obj, str, stringList } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, ObjectRef, PodView } from '../../../types';
import { namespacesOf, podInAmbient, podInMesh, podsByNamespace, selectorJudgeable, selectorLabels } from './workloads';

export const SECURITY = 'security.istio.io';

/** Whether a namespace name matches a rule's source namespace: '*', 'prefix*', '*suffix', or the name in any case. */
export function namespaceMatches(ns: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return ns.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return ns.startsWith(pattern.slice(0, -1));
  return ns.toLowerCase() === pattern.toLowerCase();
}

/** Pods a policy can apply to, in the mesh (sidecar) or in ambient mode, by namespace. */
function meshPods(ctx: AnalysisContext, x: ClusterView): Map<string, PodView[]> {
  return ctx.memo(`policy:mesh-pods:${x.name}`, () => {
    const namespaces = namespacesOf(ctx, x);
    const out = new Map<string, PodView[]>();
    for (const [ns, pods] of podsByNamespace(ctx, x)) {
      const inMesh = pods.filter((p) => podInMesh(p, namespaces.get(ns)) || podInAmbient(x, p, namespaces.get(ns)));
      if (inMesh.length) out.set(ns, inMesh);
    }
    return out;
  });
}

/**
 * IST0127: a policy that applies to no workload: its selector matches no pod
 * in the mesh (of its namespace, or anywhere for the root namespace), or it is
 * namespace-wide where no pod of the mesh runs. Pods of every cluster of the
 * mesh count, since a primary's policies reach its remote clusters.
 */
function noWorkloads(ctx: AnalysisContext, ap: ConfigObject, rootNamespace: string, at: ObjectRef[]): Finding[] {
  // Istio reads only the selector: a policy with targetRefs counts as namespace-wide.
  const selector = selectorLabels(obj(ap.spec)?.selector, 'matchLabels');
  const meshWide = ap.namespace === rootNamespace;
  // A selector-less policy in the root namespace applies to the whole mesh.
  if (meshWide && !selector) return [];
  if (selector && !selectorJudgeable(ctx.clusters, selector)) return [];
  const selected = (pods: PodView[] | undefined) => !!pods?.some((p) => !selector || selects(selector, p.labels));
  const found = ctx.clusters.some((x) => (meshWide ? [...meshPods(ctx, x).values()].some(selected) : selected(meshPods(ctx, x).get(ap.namespace))));
  if (found) return [];
  return [istioFinding('IST0127', at, [selector ? selectorString(selector) : ''], selector ? 'Fix the selector labels, or deploy workloads carrying them in the mesh.' : 'Deploy workloads with a sidecar or in ambient mode in the namespace, or remove the policy.')];
}

/** IST0101 (namespace): a rule's source namespaces or notNamespaces that match no namespace of the mesh. */
function unknownNamespaces(ctx: AnalysisContext, ap: ConfigObject, at: ObjectRef[]): Finding[] {
  const known = ctx.memo('policy:mesh-namespaces', () => [...new Set(ctx.clusters.flatMap((x) => [...x.namespaces].map((n) => n.name)))]);
  const out: Finding[] = [];
  for (const rule of list(obj(ap.spec)?.rules)) {
    for (const from of list(obj(rule)?.from)) {
      const source = obj(obj(from)?.source);
      for (const pattern of [...stringList(source?.namespaces), ...stringList(source?.notNamespaces)]) {
        if (!known.some((ns) => namespaceMatches(ns, pattern))) out.push(istioFinding('IST0101', at, ['namespace', pattern], 'Fix the namespace name, or create the namespace.'));
      }
    }
  }
  return out;
}

/**
 * authz.AuthorizationPoliciesAnalyzer for one cluster's AuthorizationPolicies
 * (IST0127, IST0101). Both conclude from absence, so they wait until every
 * cluster of the mesh is complete.
 */
export function checkAuthorizationPoliciesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!ctx.clusters.every((x) => x.complete)) return [];
  const rootNamespace = str(meshConfigOf(c).rootNamespace) ?? 'istio-system';
  const out: Finding[] = [];
  for (const ap of ctx.config(c, 'AuthorizationPolicy', SECURITY)) {
    const at = [ref(c.name, 'AuthorizationPolicy', ap.namespace, ap.name)];
    out.push(...noWorkloads(ctx, ap, rootNamespace, at), ...unknownNamespaces(ctx, ap, at));
  }
  return out;
}
