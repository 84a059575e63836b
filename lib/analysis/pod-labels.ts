import type { ClusterView, NodeView, PodView } from './types';

/** Labels istiod adds to every endpoint: a subset may select on them. */
export const TOPOLOGY_LABELS: ReadonlySet<string> = new Set([
  'topology.istio.io/cluster',
  'topology.istio.io/network',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'kubernetes.io/hostname',
]);

/** A pod's labels as istiod sees its endpoint: plus cluster, network and the node's region/zone. */
export function endpointLabels(c: ClusterView, p: PodView, nodes: Map<string, NodeView>): Record<string, string> {
  const out: Record<string, string> = { ...p.labels, 'topology.istio.io/cluster': c.name };
  const network = p.labels['topology.istio.io/network'] ?? c.network;
  if (network) out['topology.istio.io/network'] = network;
  const node = p.nodeName ? nodes.get(p.nodeName) : undefined;
  if (node?.region) out['topology.kubernetes.io/region'] = node.region;
  if (node?.zone) out['topology.kubernetes.io/zone'] = node.zone;
  if (p.nodeName) out['kubernetes.io/hostname'] = p.nodeName;
  return out;
}

/** Whether pods of the cluster carry every key (sources that slim pods keep only some labels). */
export function podsCarry(c: ClusterView, keys: Iterable<string>): boolean {
  if (!c.podLabelKeys) return true;
  for (const k of keys) if (!TOPOLOGY_LABELS.has(k) && !c.podLabelKeys.has(k)) return false;
  return true;
}

/** Nodes of a cluster by name. */
export function nodeIndex(c: ClusterView): Map<string, NodeView> {
  return new Map([...c.nodes].map((n) => [n.name, n]));
}
