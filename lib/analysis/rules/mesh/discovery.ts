import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import type { ClusterView, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { clusterRef, isPrimary, polled, readsOf, remoteSecrets } from './util';

/**
 * MG0008: in a multi-primary mesh discovery should be mutual; a primary that
 * reads a peer primary which does not read it back sees endpoints the peer
 * cannot reach in return.
 */
export function checkDiscoverySymmetry(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  const byName = new Map(ctx.clusters.map((c) => [c.name, c]));
  for (const a of ctx.clusters) {
    if (!a.complete) continue;
    for (const bName of readsOf(a)) {
      const b = byName.get(bName);
      if (!b || !b.complete || !isPrimary(b) || !polled(b)) continue;
      if (readsOf(b).has(a.name)) continue;
      out.push(meshFinding('MG0008', [clusterRef(a.name), clusterRef(b.name)], `${a.name} discovers endpoints of ${b.name}, but ${b.name}'s istiod does not read ${a.name} (no remote secret, not in /debug/clusterz); services in ${a.name} are invisible from ${b.name}.`));
    }
  }
  return out;
}

/** MG0009: a remote secret whose cluster istiod does not report as synced in /debug/clusterz. */
export function checkRemoteSecretsSynced(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkRemoteSecretsSyncedIn));
}

/** MG0009 in one cluster. */
export function checkRemoteSecretsSyncedIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const cps = [...c.controlPlanes].filter((cp) => cp.state === 'ok');
  if (cps.length === 0) return out;
  for (const s of remoteSecrets(c)) {
    for (const id of s.dataKeys) {
      const seen = cps.flatMap((cp) => cp.clusters.filter((d) => d.id === id));
      if (seen.some((d) => d.syncStatus === 'synced')) continue;
      const why = seen.length === 0 ? 'is not listed by istiod (/debug/clusterz)' : `is ${seen[0]!.syncStatus}`;
      out.push(meshFinding('MG0009', [ref(c.name, 'Secret', s.namespace, s.name)], `Remote secret ${s.namespace}/${s.name} in ${c.name} names cluster ${id}, which ${why}; ${c.name} has no endpoints from ${id}.`, { clusters: [id] }));
    }
  }
  return out;
}
