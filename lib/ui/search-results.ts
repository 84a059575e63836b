/** Shapes global search hits from several lists into one keyboard-navigable list. */
import { serviceHref } from './service-href';

export interface SearchHit {
  kind: 'cluster' | 'service' | 'workload' | 'config';
  label: string;
  detail: string;
  href: string;
}

export interface SearchSources {
  clusters?: { name: string; mesh?: string; state: string }[];
  /** Service rows, one per mesh: the same name in two meshes is two hits, each naming its mesh. */
  services?: { namespace: string; name: string; mesh?: string; clusters: string[] }[];
  /** Workload groups, one per mesh, like services. */
  workloads?: { namespace: string; canonicalService: string; canonicalRevision: string; mesh?: string; clusters: string[] }[];
  config?: { cluster: string; group: string; kind: string; namespace: string; name: string }[];
}

const enc = encodeURIComponent;

/** Clusters matching locally (the list is small), then the server's service, workload and config hits; each kind capped. */
export function searchHits(query: string, src: SearchSources, perKind = 6): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const clusters = (src.clusters ?? []).filter((c) => c.name.toLowerCase().includes(q)).slice(0, perKind)
    .map((c): SearchHit => ({ kind: 'cluster', label: c.name, detail: `cluster · ${c.mesh ?? 'no mesh'} · ${c.state}`, href: `/clusters/${enc(c.name)}` }));
  const services = (src.services ?? []).slice(0, perKind)
    .map((s): SearchHit => ({
      kind: 'service',
      label: `${s.name}.${s.namespace}`,
      detail: `service · ${s.mesh ? `mesh ${s.mesh} · ` : ''}${s.clusters.join(', ')}`,
      href: serviceHref(s.namespace, s.name, s.mesh),
    }));
  const workloads = (src.workloads ?? []).slice(0, perKind)
    .map((w): SearchHit => ({
      kind: 'workload',
      label: `${w.canonicalService} ${w.canonicalRevision}`,
      detail: `workload · ${w.mesh ? `mesh ${w.mesh} · ` : ''}${w.namespace} · ${w.clusters.join(', ')}`,
      href: serviceHref(w.namespace, w.canonicalService, w.mesh),
    }));
  const seen = new Set<string>();
  const config = (src.config ?? [])
    .filter((o) => {
      const k = `${o.group}/${o.kind}/${o.namespace}/${o.name}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .slice(0, perKind)
    .map((o): SearchHit => ({ kind: 'config', label: `${o.kind} ${o.namespace}/${o.name}`, detail: `config · ${o.cluster}`, href: `/config?object=${enc(`${o.group}/${o.kind}/${o.namespace}/${o.name}`)}` }));
  return [...clusters, ...services, ...workloads, ...config];
}

/** The next active index for arrow keys, wrapping around; -1 when the list is empty. */
export function moveActive(current: number, delta: 1 | -1, length: number): number {
  if (length === 0) return -1;
  return (((current + delta) % length) + length) % length;
}
