import 'server-only';
import type { Me, WorkspaceSummary } from '@/lib/access/api';
import { capabilitiesOf, type Capabilities } from '@/lib/access/roles';
import type { AccessConfig } from './access-config';
import { csrfToken } from './csrf';
import type { Principal } from './principal';
import { principalLabel } from './principal';
import type { Access } from './resolve-scope';

const NONE: Capabilities = { allWorkspaces: false, configSpecs: false, proxies: false, shareLinks: false, settings: false };

/** The /auth/me answer: identity, role, capabilities (any workspace), CSRF token. Never a provider token. */
export function describeCaller(p: Principal, access: Access, cfg: AccessConfig): Me {
  const caps = access.grants.reduce<Capabilities>((acc, g) => {
    const c = capabilitiesOf(g.role);
    return Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, v || c[k as keyof Capabilities]])) as unknown as Capabilities;
  }, access.role === 'admin' ? capabilitiesOf('admin') : NONE);
  const expires = p.kind === 'anonymous' ? undefined : p.expiresAt;
  return {
    authenticated: p.kind === 'user',
    mode: cfg.auth.mode,
    kind: p.kind,
    user: principalLabel(p),
    name: p.kind === 'user' ? p.name : undefined,
    groups: p.kind === 'user' ? [...p.groups] : [],
    role: access.role,
    capabilities: caps,
    csrfToken: csrfToken(p, cfg.keys.csrf),
    expiresAt: expires ? new Date(expires).toISOString() : undefined,
  };
}

/** The caller's workspaces with the role held in each. */
export function callerWorkspaces(access: Access, cfg: AccessConfig): WorkspaceSummary[] {
  const byName = new Map(cfg.workspaces.map((w) => [w.name, w]));
  return access.grants.flatMap((g) => {
    const w = byName.get(g.workspace);
    return w ? [{ name: w.name, description: w.description, selectors: [...w.selectors], role: g.role }] : [];
  });
}
