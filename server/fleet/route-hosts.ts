import 'server-only';

const CLUSTER_SUFFIX = '.svc.cluster.local';

/**
 * The Kubernetes Service ('ns/name') a VirtualService destination host names,
 * read in the route's namespace: `cart` there, `cart.shop`, `cart.shop.svc`
 * and `cart.shop.svc.cluster.local` in shop. Wildcards, ports, external
 * names and other domains give undefined.
 */
export function destinationService(host: string, routeNamespace: string): string | undefined {
  const h = host.trim().toLowerCase();
  if (!h || /[*/:]/.test(h)) return undefined;
  let base = h;
  if (base.endsWith(CLUSTER_SUFFIX)) base = base.slice(0, -CLUSTER_SUFFIX.length);
  else if (base.endsWith('.svc')) base = base.slice(0, -'.svc'.length);
  else if (base.includes('.') && base.split('.').length !== 2) return undefined;
  const parts = base.split('.');
  if (parts.some((p) => !p)) return undefined;
  if (parts.length === 1) return base === h && routeNamespace ? `${routeNamespace}/${base}` : undefined;
  return parts.length === 2 ? `${parts[1]}/${parts[0]}` : undefined;
}
