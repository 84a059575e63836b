import 'server-only';
import type { ClusterEntry } from './cluster-entry';

/**
 * Proxies whose config istiod reports STALE or NOT SENT, as 'cluster/namespace/pod'.
 * A primary's istiod also reports the proxies of its remote clusters, so the
 * proxy's own cluster (from syncz) is used, else the polled cluster's.
 */
export function unsyncedProxyKeys(entries: Iterable<ClusterEntry>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    for (const poll of e.controlPlanes.values()) {
      for (const p of poll.proxies) if (p.overall !== 'SYNCED') out.add(`${p.cluster || e.info.name}/${p.namespace}/${p.pod}`);
    }
  }
  return out;
}

/** The network istiod's /debug/networkz gateways give each cluster (the last resort when a cluster has no label). */
export function networksFromGateways(entries: Iterable<ClusterEntry>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) for (const poll of e.controlPlanes.values()) for (const g of poll.gateways) if (g.network && !out.has(g.cluster)) out.set(g.cluster, g.network);
  return out;
}
