import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import type { ClusterView, Finding } from '../../types';
import { clusterRef, ISTIO_SYSTEM, readsOf, remoteSecrets } from './util';

const meshCm = (c: string, name: string) => ref(c, 'ConfigMap', ISTIO_SYSTEM, name);

/** The trust domains a cluster's mesh configs declare. */
function trustDomains(c: ClusterView): Set<string> {
  return new Set([...c.meshConfigs].map((m) => m.trustDomain).filter((t): t is string => !!t));
}

/**
 * MG0010 (fleet-wide): revisions of one cluster must agree on mesh ID and
 * trust domain; clusters that discover each other must share the mesh ID;
 * clusters of one mesh must share the trust domain.
 */
export function checkMeshIdentity(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  const byName = new Map(ctx.clusters.map((c) => [c.name, c]));
  const meshTrust = new Map<string, Map<string, string[]>>();
  for (const c of ctx.clusters) {
    const cms = [...c.meshConfigs].filter((m) => m.meshId || m.trustDomain);
    const ids = new Set(cms.map((m) => m.meshId).filter(Boolean));
    const tds = trustDomains(c);
    if (ids.size > 1 || tds.size > 1) {
      const desc = cms.map((m) => `${m.name}: meshID ${m.meshId ?? '-'}, trustDomain ${m.trustDomain ?? '-'}`).join('; ');
      out.push(meshFinding('MG0010', cms.map((m) => meshCm(c.name, m.name)), `Control plane revisions in ${c.name} disagree on mesh identity (${desc}).`));
    }
    if (c.mesh && tds.size === 1) {
      const m = meshTrust.get(c.mesh) ?? new Map<string, string[]>();
      const td = [...tds][0]!;
      m.set(td, [...(m.get(td) ?? []), c.name]);
      meshTrust.set(c.mesh, m);
    }
    for (const peer of readsOf(c)) {
      const p = byName.get(peer);
      if (!p?.mesh || !c.mesh || p.mesh === c.mesh || peer < c.name && readsOf(p).has(c.name)) continue;
      out.push(meshFinding('MG0010', [clusterRef(c.name), clusterRef(peer)], `${c.name} (mesh ${c.mesh}) discovers ${peer}, which belongs to mesh ${p.mesh}; clusters that share endpoints must share one meshID.`));
    }
  }
  for (const [mesh, tds] of meshTrust) {
    if (tds.size < 2) continue;
    const desc = [...tds].map(([td, cs]) => `${td} (${cs.join(', ')})`).join(' vs ');
    out.push(meshFinding('MG0010', [...tds.values()].flat().map((c) => clusterRef(c)), `Mesh ${mesh} uses ${tds.size} trust domains: ${desc}; SPIFFE identities from one are rejected by authorization policies of the other.`));
  }
  return out;
}

/** The cluster ID istiod of a cluster reports for its own proxies (syncz cluster_id), when it says. */
export function istioClusterId(c: ClusterView): string | undefined {
  const counts = new Map<string, number>();
  for (const cp of c.controlPlanes) for (const p of cp.proxies) if (p.cluster) counts.set(p.cluster, (counts.get(p.cluster) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * MG0011 (fleet-wide): two clusters whose istiod uses the same cluster ID, or
 * two remote secrets in one cluster naming the same cluster; istiod keys its
 * registries by that name, so one silently replaces the other.
 */
export function checkDuplicateClusterNames(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  const byId = new Map<string, string[]>();
  for (const c of ctx.clusters) {
    const id = istioClusterId(c);
    if (id) byId.set(id, [...(byId.get(id) ?? []), c.name]);
    const secretsById = new Map<string, string[]>();
    for (const s of remoteSecrets(c)) for (const k of s.dataKeys) secretsById.set(k, [...(secretsById.get(k) ?? []), s.name]);
    for (const [id2, names] of secretsById) {
      if (names.length < 2) continue;
      out.push(meshFinding('MG0011', names.map((n) => ref(c.name, 'Secret', ISTIO_SYSTEM, n)), `Remote secrets ${names.join(', ')} in ${c.name} all name cluster ${id2}; istiod keeps only one of them.`));
    }
  }
  for (const [id, clusters] of byId) {
    if (clusters.length < 2) continue;
    out.push(meshFinding('MG0011', clusters.map((c) => clusterRef(c)), `Clusters ${clusters.join(', ')} all run istiod with cluster name ${id}; endpoints of one overwrite the other's in every control plane that reads both.`));
  }
  return out;
}
