/** Parses Kubernetes API request paths into what they address. */

/** What a request path addresses. */
export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'api' }
  | { kind: 'apis' }
  | { kind: 'group'; group: string }
  | { kind: 'resources'; group: string; version: string }
  | { kind: 'resource'; group: string; version: string; plural: string; namespace?: string; name?: string; subresource?: string }
  | { kind: 'unknown' };

/** `/apis/apps/v1/namespaces/x/deployments/y/status` -> { kind:'resource', group:'apps', ... }. */
export function parsePath(pathname: string): Route {
  let segs: string[];
  try {
    segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { kind: 'unknown' };
  }
  const [first, ...rest] = segs;
  if (first === 'version' && rest.length === 0) return { kind: 'version' };
  if ((first === 'healthz' || first === 'livez' || first === 'readyz') && rest.length === 0) return { kind: 'health' };
  if (first === 'api') {
    if (rest.length === 0) return { kind: 'api' };
    const [version, ...tail] = rest;
    return version === 'v1' ? resourceRoute('', version, tail) : { kind: 'unknown' };
  }
  if (first === 'apis') {
    const [group, version, ...tail] = rest;
    if (!group) return { kind: 'apis' };
    if (!version) return { kind: 'group', group };
    return resourceRoute(group, version, tail);
  }
  return { kind: 'unknown' };
}

function resourceRoute(group: string, version: string, tail: string[]): Route {
  if (tail.length === 0) return { kind: 'resources', group, version };
  // /namespaces/{ns}/{plural}/... is namespaced, except a namespace's own subresources (/namespaces/{name}/status|finalize).
  const namespaceSub = tail.length === 3 && (tail[2] === 'status' || tail[2] === 'finalize');
  if (tail[0] === 'namespaces' && tail.length >= 3 && !namespaceSub) {
    const [, namespace, plural, name, subresource, ...extra] = tail;
    if (!plural || extra.length) return { kind: 'unknown' };
    return { kind: 'resource', group, version, plural, namespace, name, subresource };
  }
  const [plural, name, subresource, ...extra] = tail;
  if (!plural || extra.length) return { kind: 'unknown' };
  return { kind: 'resource', group, version, plural, name, subresource };
}
