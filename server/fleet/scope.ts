import 'server-only';
import { grantsAllow, grantsWith, type DetailCapability, type Grant } from '@/lib/access/grants';
import { globMatch } from '@/lib/access/selector';

/**
 * Who may see what. Built once per request by server/access (from the
 * caller's role and workspace bindings); every read function takes a scope
 * and applies `allows` before data leaves.
 *
 * - `all`: an admin (or a trusted internal caller) sees the whole fleet.
 * - `grants`: the namespaces selected by the caller's workspaces, each grant
 *   with the role held there. No grants means nothing is visible.
 */
export type VisibilityScope = { kind: 'all' } | { kind: 'grants'; grants: readonly Grant[] };

/** The scope of a caller that may see the whole fleet. */
export const ALL: VisibilityScope = { kind: 'all' };

/** A scope that sees nothing (an unbound user). */
export const NOTHING: VisibilityScope = { kind: 'grants', grants: [] };

/** Whether the scope may see objects of `namespace` in `cluster` (namespace undefined: the cluster itself). */
export function allows(scope: VisibilityScope, cluster: string, namespace?: string): boolean {
  return scope.kind === 'all' || grantsAllow(scope.grants, cluster, namespace);
}

/**
 * Whether some selector of the scope covers `namespace` in any cluster: for
 * keys that name a namespace but no cluster (global services).
 */
export function allowsNamespaceSomewhere(scope: VisibilityScope, namespace: string): boolean {
  return scope.kind === 'all' || scope.grants.some((g) => g.selectors.some((s) => globMatch(s.namespace, namespace)));
}

/** Whether the caller may see `cap` detail in at least one of its workspaces. */
export function can(scope: VisibilityScope, cap: DetailCapability): boolean {
  return scope.kind === 'all' || grantsWith(scope.grants, cap).length > 0;
}

/**
 * The part of a scope where `cap` holds: an operator in one workspace and a
 * viewer in another sees config of the first only.
 */
export function narrowTo(scope: VisibilityScope, cap: DetailCapability): VisibilityScope {
  return scope.kind === 'all' ? scope : { kind: 'grants', grants: grantsWith(scope.grants, cap) };
}
