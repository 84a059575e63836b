import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import type { ClusterView, Finding, RootCertView } from '../../types';
import { ISTIO_SYSTEM, shortFp } from './util';

/** The root a cluster's control plane hands out: istio-system's istio-ca-root-cert, else any namespace's. */
export function clusterRoot(c: ClusterView): RootCertView | undefined {
  const certs = [...c.rootCerts].filter((r) => r.fingerprint);
  return certs.find((r) => r.namespace === ISTIO_SYSTEM) ?? certs[0];
}

const cm = (cluster: string, namespace = ISTIO_SYSTEM) => ref(cluster, 'ConfigMap', namespace, 'istio-ca-root-cert');

/**
 * MG0001: every cluster of a mesh must hand out the same root certificate
 * (and every namespace of one cluster too); otherwise mTLS across them fails.
 */
export function checkSplitTrust(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const c of ctx.clusters) {
    const fps = new Map<string, string[]>();
    for (const r of c.rootCerts) if (r.fingerprint) fps.set(r.fingerprint, [...(fps.get(r.fingerprint) ?? []), r.namespace]);
    if (fps.size > 1) {
      const groups = [...fps].map(([fp, nss]) => `${shortFp(fp)} in ${nss.length} namespace(s)`).join(', ');
      out.push(meshFinding('MG0001', [cm(c.name)], `Cluster ${c.name} distributes ${fps.size} different root certificates (${groups}); workloads in different namespaces will not trust each other.`));
    }
  }
  if (ctx.clusters.length < 2 || ctx.mesh.startsWith('~')) return out;
  const byFp = new Map<string, string[]>();
  for (const c of ctx.clusters) {
    const root = clusterRoot(c);
    if (root?.fingerprint) byFp.set(root.fingerprint, [...(byFp.get(root.fingerprint) ?? []), c.name]);
  }
  if (byFp.size > 1) {
    const groups = [...byFp].sort((a, b) => b[1].length - a[1].length);
    const desc = groups.map(([fp, cs]) => `${shortFp(fp)} (${cs.join(', ')})`).join(' vs ');
    const odd = groups.slice(1).flatMap(([, cs]) => cs);
    out.push(meshFinding('MG0001', odd.map((x) => cm(x)), `Mesh ${ctx.mesh} has ${byFp.size} root certificates: ${desc}. Cross-cluster mTLS between them fails.`, { clusters: groups.flatMap(([, cs]) => cs) }));
  }
  return out;
}

/** MG0002: a root certificate that has expired (Error) or expires within the warning window (Warning). */
export function checkRootExpiry(ctx: AnalysisContext): Finding[] {
  const days = ctx.options.rootCertWarningDays ?? 30;
  const byFp = new Map<string, { notAfter: number; clusters: string[] }>();
  for (const c of ctx.clusters) {
    const root = clusterRoot(c);
    const t = root?.notAfter ? Date.parse(root.notAfter) : NaN;
    if (!root?.fingerprint || Number.isNaN(t)) continue;
    const e = byFp.get(root.fingerprint) ?? { notAfter: t, clusters: [] };
    e.clusters.push(c.name);
    byFp.set(root.fingerprint, e);
  }
  const out: Finding[] = [];
  for (const [fp, e] of byFp) {
    const left = (e.notAfter - ctx.now) / 86_400_000;
    if (left > days) continue;
    const when = new Date(e.notAfter).toISOString();
    const message = left <= 0
      ? `Root certificate ${shortFp(fp)} used by ${e.clusters.join(', ')} expired at ${when}; new workload certificates cannot be trusted.`
      : `Root certificate ${shortFp(fp)} used by ${e.clusters.join(', ')} expires at ${when} (in ${Math.floor(left)} days).`;
    out.push(meshFinding('MG0002', e.clusters.map((x) => cm(x)), message, { level: left <= 0 ? 'Error' : 'Warning' }));
  }
  return out;
}
