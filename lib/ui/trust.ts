import type { ControlPlane } from '../fleet/controlplanes';

/** One mesh's view of its roots of trust: which clusters hold which root fingerprint. */
export interface MeshTrust {
  mesh: string;
  /** fingerprint -> clusters holding it (a healthy mesh has exactly one). */
  roots: Map<string, string[]>;
  consistent: boolean;
}

/** Groups control planes' root certificates by mesh, so a mesh with two roots stands out. */
export function meshTrust(meshOf: ReadonlyMap<string, string | undefined>, controlPlanes: readonly ControlPlane[]): MeshTrust[] {
  const byMesh = new Map<string, Map<string, string[]>>();
  for (const cp of controlPlanes) {
    const fp = cp.rootCert?.fingerprint;
    if (!fp) continue;
    const mesh = meshOf.get(cp.cluster) ?? '';
    const roots = byMesh.get(mesh) ?? new Map<string, string[]>();
    const holders = roots.get(fp) ?? [];
    if (!holders.includes(cp.cluster)) holders.push(cp.cluster);
    roots.set(fp, holders);
    byMesh.set(mesh, roots);
  }
  return [...byMesh].sort(([a], [b]) => a.localeCompare(b)).map(([mesh, roots]) => ({ mesh, roots, consistent: roots.size <= 1 }));
}

/** Whether a cluster's root differs from the one most of its mesh holds. */
export function isOddRoot(trust: MeshTrust | undefined, fingerprint: string | undefined): boolean {
  if (!trust || trust.consistent || !fingerprint) return false;
  const max = Math.max(...[...trust.roots.values()].map((c) => c.length));
  return (trust.roots.get(fingerprint)?.length ?? 0) < max || [...trust.roots.values()].filter((c) => c.length === max).length > 1;
}
