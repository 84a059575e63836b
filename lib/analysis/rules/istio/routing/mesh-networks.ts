import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';

/** Registries istiod always has: its provider IDs ('Kubernetes' is also the default cluster ID). */
const BUILT_IN_REGISTRIES = ['Mock', 'Kubernetes', 'External'];
const REMOTE_SECRET_LABEL = 'istio/multiCluster';

/** The registries a cluster's istiod knows: built-in ones, the clusters its remote secrets name, and the clusters of the mesh. */
function knownRegistries(ctx: AnalysisContext, c: ClusterView): Set<string> {
  const out = new Set([...BUILT_IN_REGISTRIES, ...ctx.clusters.map((x) => x.name)]);
  for (const s of c.secrets) if (s.labels[REMOTE_SECRET_LABEL] === 'true') for (const k of s.dataKeys) out.add(k);
  return out;
}

/** The `networks` map of a MeshNetworks config (given whole or as its `networks` field). */
function networksOf(meshNetworks: Record<string, unknown>): Record<string, unknown> {
  return obj(meshNetworks.networks) ?? {};
}

/**
 * IST0126: a MeshNetworks endpoint `fromRegistry` that names no registry
 * istiod knows, so the network's endpoints are never matched.
 */
export function checkMeshNetworksIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!c.meshNetworks || !c.complete) return [];
  const out: Finding[] = [];
  const known = knownRegistries(ctx, c);
  const at = [ref(c.name, 'MeshNetworks', c.istioNamespace ?? 'istio-system', 'meshnetworks')];
  for (const [network, n] of Object.entries(networksOf(c.meshNetworks))) {
    for (const e of list(obj(n)?.endpoints)) {
      const registry = str(obj(e)?.fromRegistry);
      if (registry === undefined || known.has(registry)) continue;
      out.push(istioFinding('IST0126', at, [registry, network], `Set fromRegistry of network ${network} to a cluster ID istiod knows (a remote secret's cluster, or Kubernetes).`));
    }
  }
  return out;
}
