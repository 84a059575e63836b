import 'server-only';

const SUFFIXES = ['.svc.cluster.local', '.svc'];

/**
 * The global service (`namespace/name`) a Kubernetes-style host names, read
 * in the namespace of the object that names it: `reviews` is that namespace's
 * reviews; `reviews.bookinfo`, `reviews.bookinfo.svc` and
 * `reviews.bookinfo.svc.cluster.local` are bookinfo's. Wildcards and external
 * names give undefined; with `isNamespace`, so does a two-part name whose
 * second part is no namespace of the cluster (`httpbin.org`).
 */
export function hostService(host: string, objectNamespace: string, isNamespace?: (ns: string) => boolean): string | undefined {
  const h = host.trim().toLowerCase();
  if (!h || h.includes('*') || h.includes('/') || h.includes(':')) return undefined;
  let rest = h;
  let qualified = false;
  for (const s of SUFFIXES) {
    if (rest.endsWith(s)) {
      rest = rest.slice(0, -s.length);
      qualified = true;
      break;
    }
  }
  const parts = rest.split('.');
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 1) return qualified ? undefined : objectNamespace ? `${objectNamespace}/${parts[0]}` : undefined;
  if (parts.length !== 2) return undefined;
  const [name, ns] = parts as [string, string];
  if (!qualified && isNamespace && !isNamespace(ns)) return undefined;
  return `${ns}/${name}`;
}

/** The distinct services of several hosts, sorted. */
export function hostsServices(hosts: Iterable<string>, objectNamespace: string, isNamespace?: (ns: string) => boolean): string[] {
  const out = new Set<string>();
  for (const h of hosts) {
    const s = hostService(h, objectNamespace, isNamespace);
    if (s) out.add(s);
  }
  return [...out].sort();
}
