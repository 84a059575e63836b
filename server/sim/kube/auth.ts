/** Bearer-token authentication and the simple rule-based authorisation of TokenSpec. */
import type { IncomingHttpHeaders } from 'node:http';
import { KubeApiError } from './errors';
import type { KubeFaults, TokenSpec } from './types';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** The user behind the request's bearer token; 401 when missing, unknown, or every token is rejected (fault). */
export function authenticate(headers: IncomingHttpHeaders, tokens: TokenSpec[], faults: KubeFaults): TokenSpec {
  const m = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  const spec = m && !faults.rejectAllTokens ? tokens.find((t) => t.token === m[1]?.trim()) : undefined;
  if (!spec) throw new KubeApiError(401, 'Unauthorized', 'Unauthorized');
  return spec;
}

export interface Access {
  verb: Verb;
  /** Plural, or `pods/portforward` for a subresource. */
  resource: string;
  group: string;
  /** Undefined for cluster-wide requests and cluster-scoped resources. */
  namespace?: string;
  name?: string;
}

/** Whether the token's rules allow the access (no rules = allowed everything). */
export function allowed(token: TokenSpec, a: Access): boolean {
  if (!token.rules) return true;
  const base = a.resource.split('/')[0] ?? a.resource;
  // deletecollection is a form of delete for these coarse rules.
  const verb = a.verb === 'deletecollection' ? 'delete' : a.verb;
  return token.rules.some(
    (r) =>
      (r.resources.includes('*') || r.resources.includes(a.resource) || r.resources.includes(base)) &&
      (r.namespaces.includes('*') || (a.namespace !== undefined && r.namespaces.includes(a.namespace))) &&
      r.verbs.includes(verb),
  );
}

/** Throws 403 Forbidden with the API server's message when the rules do not allow the access. */
export function authorize(token: TokenSpec, a: Access): void {
  if (allowed(token, a)) return;
  const subject = a.name ? `${a.resource} "${a.name}"` : a.resource;
  const scope = a.namespace !== undefined ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  throw new KubeApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${token.user}" cannot ${a.verb} resource "${a.resource}" in API group "${a.group}" ${scope}`,
    { name: a.name, group: a.group || undefined, kind: a.resource },
  );
}
