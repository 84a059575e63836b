import 'server-only';
import type { Grant } from '@/lib/access/grants';
import { strongerRole, type Role } from '@/lib/access/roles';
import { parseSelector } from '@/lib/access/selector';
import type { BindingConfig, WorkspaceConfig } from '../config/schema';
import { ALL, type VisibilityScope } from '../fleet/scope';
import type { Principal } from './principal';

/** A caller's effective access: the strongest role held anywhere, the grants, and the scope built from them. */
export interface Access {
  /** Strongest role across the caller's workspaces; undefined when bound to nothing. */
  role?: Role;
  grants: Grant[];
  scope: VisibilityScope;
}

/** Grants for `names` ('*' = every workspace) under one role; unknown names are skipped. */
function grantsFor(workspaces: readonly WorkspaceConfig[], names: readonly string[], role: Role): Grant[] {
  const chosen = names.includes('*') ? workspaces : workspaces.filter((w) => names.includes(w.name));
  return chosen.map((w) => ({ workspace: w.name, role, selectors: w.selectors.map(parseSelector) }));
}

/** One grant per workspace, keeping the stronger role when a caller is bound twice. */
function mergeGrants(grants: Grant[]): Grant[] {
  const by = new Map<string, Grant>();
  for (const g of grants) {
    const prev = by.get(g.workspace);
    by.set(g.workspace, prev ? { ...prev, role: strongerRole(prev.role, g.role) } : g);
  }
  return [...by.values()].sort((a, b) => a.workspace.localeCompare(b.workspace));
}

function fromGrants(grants: Grant[]): Access {
  const role = grants.reduce<Role | undefined>((r, g) => (r ? strongerRole(r, g.role) : g.role), undefined);
  return { role, grants, scope: { kind: 'grants', grants } };
}

/** Every workspace as an admin grant, so admins can list workspaces too. */
function adminAccess(workspaces: readonly WorkspaceConfig[]): Access {
  return { role: 'admin', grants: grantsFor(workspaces, ['*'], 'admin'), scope: ALL };
}

/**
 * Turns a principal into its access. Bindings match by user id or group; an
 * admin binding anywhere makes the caller an admin of the whole fleet. A
 * share link sees one workspace as a viewer, for as long as it exists.
 */
export function resolveAccess(p: Principal, cfg: { workspaces: readonly WorkspaceConfig[]; bindings: readonly BindingConfig[]; anonymous: { role: Role; workspaces: readonly string[] } }): Access {
  if (p.kind === 'anonymous') {
    if (cfg.anonymous.role === 'admin') return adminAccess(cfg.workspaces);
    return fromGrants(grantsFor(cfg.workspaces, cfg.anonymous.workspaces, cfg.anonymous.role));
  }
  if (p.kind === 'share') return fromGrants(grantsFor(cfg.workspaces, [p.workspace], 'viewer'));
  const groups = new Set(p.groups);
  const matching = cfg.bindings.filter((b) => b.users.includes(p.id) || b.groups.some((g) => groups.has(g)));
  if (matching.some((b) => b.role === 'admin')) return adminAccess(cfg.workspaces);
  return fromGrants(mergeGrants(matching.flatMap((b) => grantsFor(cfg.workspaces, b.workspaces, b.role))));
}
