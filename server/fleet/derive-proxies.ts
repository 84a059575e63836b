import 'server-only';
import type { ProxySyncKnowledge } from '@/lib/fleet/controlplanes';
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

/**
 * Whether this cluster's proxy sync state is known, for a cluster that runs istiod (undefined otherwise: its
 * proxies report to another cluster's istiod). One revision that answered is enough; when none did, the first
 * failure says why, so "0 proxies" is never shown for "istiod could not be asked".
 */
export function proxySyncKnowledge(e: ClusterEntry): ProxySyncKnowledge | undefined {
  const polls = [...e.controlPlanes.values()];
  if (polls.length === 0) return e.store.istiodPods.size > 0 ? { state: 'pending' } : undefined;
  if (polls.some((p) => p.state === 'ok')) return { state: 'ok' };
  const failed = polls.find((p) => p.state === 'error');
  return failed ? { state: 'error', reason: failed.error ?? 'istiod could not be polled' } : { state: 'pending' };
}
