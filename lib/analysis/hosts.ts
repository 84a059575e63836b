/** Host names and label selectors as Istio and Kubernetes compare them. */

/** The cluster DNS suffix Istio assumes unless the mesh config overrides it. */
export const DEFAULT_DOMAIN = 'svc.cluster.local';

/** A short host ('reviews') becomes 'reviews.<ns>.svc.cluster.local'; wildcards and dotted names stay. */
export function toFqdn(namespace: string, host: string): string {
  return host.startsWith('*') || host.includes('.') ? host : `${host}.${namespace}.${DEFAULT_DOMAIN}`;
}

/** 'name.ns.svc.cluster.local' -> {name, namespace}; undefined for other hosts. */
export function serviceOfFqdn(host: string): { name: string; namespace: string } | undefined {
  const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(host);
  return m ? { name: m[1]!, namespace: m[2]! } : undefined;
}

/** Whether two hosts overlap, either possibly a wildcard ('*', '*.example.com'). */
export function hostsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw && bw) return a.length > b.length ? a.slice(1).endsWith(b.slice(1)) : b.slice(1).endsWith(a.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return false;
}

/** Kubernetes' string form of an equality selector: sorted 'k=v' joined by commas. */
export function selectorString(selector: Record<string, string> | undefined): string {
  return Object.keys(selector ?? {}).sort().map((k) => `${k}=${selector![k]}`).join(',');
}

/** Whether labels satisfy an equality selector (an empty selector matches everything). */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector ?? {})) if (labels[k] !== v) return false;
  return true;
}

/** The major.minor of a version string ('1.23.2', 'v1.24.0-beta.1'), or undefined. */
export function minorVersion(version: string | undefined): { major: number; minor: number } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Minor versions between two versions of the same major (a - b); undefined when not comparable. */
export function minorDistance(a: string | undefined, b: string | undefined): number | undefined {
  const x = minorVersion(a);
  const y = minorVersion(b);
  if (!x || !y || x.major !== y.major) return undefined;
  return x.minor - y.minor;
}
