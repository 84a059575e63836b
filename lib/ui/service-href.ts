import { qs, seg } from '../api/query-params';

/**
 * The detail page's address of a service: in one mesh (`mesh`; '' for clusters without a mesh ID,
 * which sort first and need none) and/or with one cluster's column highlighted (`cluster`).
 */
export function serviceHref(namespace: string, name: string, mesh?: string, cluster?: string): string {
  return `/services/${seg(namespace)}/${seg(name)}${qs({ mesh, cluster })}`;
}
