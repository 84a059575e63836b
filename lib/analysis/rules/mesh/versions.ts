import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { minorDistance, minorVersion } from '../../hosts';
import type { ClusterView, Finding } from '../../types';
import { shortVersion } from '../../../ui/format';
import { istiodRef } from './util';
import { clusterUnits, runUnits } from '../../units';

/** The control-plane version per revision of a cluster. */
export function revisionVersions(c: ClusterView): Map<string, string> {
  const out = new Map<string, string>();
  for (const cp of c.controlPlanes) if (cp.version) out.set(cp.revision, cp.version);
  return out;
}

/** MG0012: istiod versions of one mesh spread over more than one minor version. */
export function checkControlPlaneSkew(ctx: AnalysisContext): Finding[] {
  const all: Array<{ cluster: string; revision: string; version: string; minor: number; major: number }> = [];
  for (const c of ctx.clusters) {
    for (const [revision, version] of revisionVersions(c)) {
      const v = minorVersion(version);
      if (v) all.push({ cluster: c.name, revision, version, ...v });
    }
  }
  if (all.length < 2) return [];
  const sorted = [...all].sort((a, b) => a.major - b.major || a.minor - b.minor);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  if (lo.major === hi.major && hi.minor - lo.minor <= 1) return [];
  // The release, not the build string: "1.29.6", as istioctl version prints it.
  const desc = sorted.map((x) => `${x.cluster}/${x.revision} ${shortVersion(x.version)}`).join(', ');
  return [meshFinding('MG0012', sorted.map((x) => istiodRef(x.cluster, x.revision)), `Control planes of mesh ${ctx.mesh.replace(/^~/, '')} span ${lo.major}.${lo.minor} to ${hi.major}.${hi.minor}: ${desc}. Istio supports one minor version of skew between control planes sharing a mesh.`)];
}

/** The revision serving a pod: its istio.io/rev label, else its namespace's, else default. */
function revisionOf(podRev: string | undefined, nsLabels: Record<string, string> | undefined): string {
  return podRev ?? nsLabels?.['istio.io/rev'] ?? 'default';
}

/** MG0013: injected proxies more than one minor version behind the control plane of their revision (grouped by workload). */
export function checkProxySkew(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkProxySkewIn));
}

/** MG0013 in one cluster. */
export function checkProxySkewIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const versions = revisionVersions(c);
  if (versions.size === 0) return out;
  const ns = new Map([...c.namespaces].map((n) => [n.name, n.labels]));
  const groups = new Map<string, { pods: string[]; version: string; cp: string; revision: string; namespace: string; workload: string }>();
  for (const p of c.pods) {
    if (!p.hasProxy || !p.proxyVersion) continue;
    const revision = revisionOf(p.labels['istio.io/rev'], ns.get(p.namespace));
    const cp = versions.get(revision) ?? versions.get('default');
    const behind = minorDistance(cp, p.proxyVersion);
    if (!cp || behind === undefined || behind <= 1) continue;
    const workload = p.workload?.name ?? p.name;
    const key = `${p.namespace}/${workload}/${p.proxyVersion}`;
    const g = groups.get(key) ?? { pods: [], version: p.proxyVersion, cp, revision, namespace: p.namespace, workload };
    g.pods.push(p.name);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    out.push(meshFinding('MG0013', g.pods.sort().map((n) => ref(c.name, 'Pod', g.namespace, n)), `${g.pods.length} proxy(ies) of ${g.namespace}/${g.workload} in ${c.name} run ${g.version}, more than one minor version behind their control plane (${g.revision} ${g.cp}).`));
  }
  return out;
}

/** MG0014: a non-default revision no namespace or pod uses, in a cluster that runs several revisions. */
export function checkUnusedCanaries(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkUnusedCanariesIn));
}

/** MG0014 in one cluster. */
export function checkUnusedCanariesIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const revs = [...c.controlPlanes].map((cp) => cp.revision);
  if (revs.length < 2 || !c.complete) return out;
  const used = new Set<string>();
  for (const n of c.namespaces) if (n.labels['istio.io/rev']) used.add(n.labels['istio.io/rev']);
  for (const p of c.pods) if (p.hasProxy && p.labels['istio.io/rev']) used.add(p.labels['istio.io/rev']);
  for (const cp of c.controlPlanes) {
    if (cp.revision === 'default' || used.has(cp.revision)) continue;
    out.push(meshFinding('MG0014', [istiodRef(c.name, cp.revision, cp.namespace)], `Revision ${cp.revision}${cp.version ? ` (${cp.version})` : ''} in ${c.name} serves no namespace: no namespace is labelled istio.io/rev=${cp.revision} and no proxy uses it.`));
  }
  return out;
}
