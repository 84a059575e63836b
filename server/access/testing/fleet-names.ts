/**
 * The ground truth of what a view must not show: every name in the simulated
 * fleet (clusters, namespaces, objects, gateway addresses) that exists only
 * outside the view. A name that also exists inside it (`default`, a Service
 * called `payments` in a visible and an invisible cluster) cannot tell a leak
 * from a right answer by text alone; the structural checks in leak-check.ts
 * cover those.
 */
import type { SimFleet } from '@/server/sim/runtime';

type Allows = (cluster: string, namespace?: string) => boolean;

// Shorter names are too likely to occur by chance inside unrelated text (v1, app, tcp).
const MIN_TOKEN = 5;
// Names that are also words of every answer: the `default` namespace is also the default revision, service account, ...;
// `waypoint`, istioctl's default waypoint name, is also an API field and part of the visible `istio-waypoint` class.
const VOCABULARY = new Set(['default', 'waypoint']);

/** A cluster's own infrastructure in istio-system is part of its health, which everyone who sees the cluster sees. */
const visibleIn = (allows: Allows, cluster: string, namespace?: string) => (namespace === undefined || namespace === 'istio-system' ? allows(cluster) : allows(cluster, namespace));

function addressesOf(o: { status?: unknown }): string[] {
  const ingress = (o.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined)?.loadBalancer?.ingress ?? [];
  return ingress.flatMap((i) => [i.ip, i.hostname].filter((x): x is string => !!x));
}

/** Names and addresses that exist only outside `allows`, longest first. */
export function namesOutside(sim: SimFleet, allows: Allows): string[] {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const c of sim.clusters) {
    (allows(c.name) ? inside : outside).add(c.name);
    for (const t of c.store.types()) {
      const apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
      for (const o of c.store.list(apiVersion, t.kind)) {
        const ns = o.metadata.namespace;
        const seen = t.kind === 'Namespace' ? visibleIn(allows, c.name, o.metadata.name) : visibleIn(allows, c.name, ns);
        const into = seen ? inside : outside;
        into.add(o.metadata.name);
        if (ns) into.add(ns);
        for (const a of addressesOf(o as { status?: unknown })) into.add(a);
      }
    }
  }
  return [...outside].filter((n) => n.length >= MIN_TOKEN && !inside.has(n) && !VOCABULARY.has(n)).sort((a, b) => b.length - a.length);
}
