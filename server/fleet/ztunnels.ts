import 'server-only';
import type { SlimPod } from '../clusters/records';
import { podDataplane } from '@/lib/fleet/dataplane';
import type { Ztunnel } from '@/lib/fleet/ambient';
import { imageTag } from '../clusters/slim/workloads';
import type { ClusterStore } from './cluster-store';
import { allows, type VisibilityScope } from './scope';

/** Namespaces Istio runs in: istio-system and wherever an istiod runs. */
export function istioNamespaces(store: ClusterStore): Set<string> {
  const out = new Set(['istio-system']);
  for (const k of store.istiodPods) out.add(k.slice(0, k.indexOf('/')));
  return out;
}

/** The ztunnel pods of a cluster (app=ztunnel in an Istio namespace), from the store's index. */
export function ztunnelPods(store: ClusterStore): SlimPod[] {
  const namespaces = istioNamespaces(store);
  const out: SlimPod[] = [];
  for (const k of store.ztunnelPods) {
    const p = store.pods.get(k);
    if (p && namespaces.has(p.namespace)) out.push(p);
  }
  return out;
}

/** A node's ztunnel: the ready pod when there are two (a rollout), else the one there is. */
function nodeZtunnels(pods: SlimPod[]): Map<string, SlimPod> {
  const byNode = new Map<string, SlimPod>();
  for (const p of pods) {
    if (!p.nodeName) continue;
    const held = byNode.get(p.nodeName);
    if (!held || (!held.ready && p.ready)) byNode.set(p.nodeName, p);
  }
  return byNode;
}

/** ztunnel counts for the cluster list: nodes running one, and of those the ready ones. */
export function ztunnelCounts(store: ClusterStore): { ztunnelNodes: number; ztunnelReady: number } {
  const byNode = nodeZtunnels(ztunnelPods(store));
  let ready = 0;
  for (const p of byNode.values()) if (p.ready) ready++;
  return { ztunnelNodes: byNode.size, ztunnelReady: ready };
}

interface NodeRow {
  node: string;
  pod?: SlimPod;
  /** Ambient pods on the node by namespace, so a scoped caller counts only its own. */
  ambient: Map<string, number>;
}

interface Memo {
  revision: number;
  rows: NodeRow[];
}

const memos = new WeakMap<ClusterStore, Memo>();

/** One pass over the cluster's pods, once per store revision: ambient pods per node and namespace. */
function nodeRows(store: ClusterStore): NodeRow[] {
  const m = memos.get(store);
  if (m && m.revision === store.revision) return m.rows;
  const zt = nodeZtunnels(ztunnelPods(store));
  const ambient = new Map<string, Map<string, number>>();
  for (const p of store.pods.values()) {
    if (!p.nodeName || p.phase === 'Succeeded' || p.phase === 'Failed') continue;
    if (podDataplane(p, store.namespaces.get(p.namespace)?.labels) !== 'ambient') continue;
    let byNs = ambient.get(p.nodeName);
    if (!byNs) ambient.set(p.nodeName, (byNs = new Map()));
    byNs.set(p.namespace, (byNs.get(p.namespace) ?? 0) + 1);
  }
  let rows: NodeRow[] = [];
  // Without ztunnel and without ambient pods the cluster does not use ambient mode: no rows at all.
  if (zt.size > 0 || ambient.size > 0) {
    const names = new Set([...store.nodes.keys(), ...zt.keys(), ...ambient.keys()]);
    rows = [...names].sort().map((node) => ({ node, pod: zt.get(node), ambient: ambient.get(node) ?? new Map() }));
  }
  memos.set(store, { revision: store.revision, rows });
  return rows;
}

function ztunnelVersion(p: SlimPod): string | undefined {
  const image = p.spec?.containers.find((c) => c.name === 'istio-proxy')?.image ?? p.spec?.containers[0]?.image;
  return p.proxyVersion ?? (image ? imageTag(image) : undefined);
}

/**
 * ztunnel per Node: ready, not ready, or missing (a node without one, listed
 * only when the cluster runs ztunnel or has ambient pods), with the ambient
 * pods on it. A scoped caller counts only pods of namespaces it may see, and
 * sees a ztunnel pod's name only when it may see the Istio namespace.
 */
export function clusterZtunnels(store: ClusterStore, scope: VisibilityScope): Ztunnel[] {
  return nodeRows(store).map((r) => {
    let ambientPods = 0;
    for (const [ns, n] of r.ambient) if (allows(scope, store.cluster, ns)) ambientPods += n;
    const out: Ztunnel = { node: r.node, state: !r.pod ? 'missing' : r.pod.ready ? 'ready' : 'not-ready', ambientPods };
    if (r.pod) {
      if (allows(scope, store.cluster, r.pod.namespace)) out.pod = r.pod.name;
      const v = ztunnelVersion(r.pod);
      if (v) out.version = v;
    }
    return out;
  });
}
