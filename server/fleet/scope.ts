import 'server-only';

/**
 * Who may see what. For now everyone sees everything; a later issue fills in
 * workspaces. Every read function takes a scope and applies `allows` before
 * data leaves, so that change stays inside this file.
 */
export type VisibilityScope = { kind: 'all' };

/** The scope of a caller that may see the whole fleet. */
export const ALL: VisibilityScope = { kind: 'all' };

/** Whether the scope may see objects of `namespace` in `cluster` (namespace undefined: the cluster itself). */
export function allows(scope: VisibilityScope, cluster: string, namespace?: string): boolean {
  void cluster;
  void namespace;
  return scope.kind === 'all';
}
