import 'server-only';
import type { Caller } from './caller';
import { principalLabel } from './principal';

/** The audit fields of a request's log line: who, with which role, about which workspace. */
export interface AuditFields {
  audit: true;
  user: string;
  role: string;
  /** The workspace the request is about (share link, or ?workspace=), else the caller's workspaces. */
  workspace: string;
}

/**
 * Audit fields for the one log line apiRoute writes per request. A request
 * refused before its caller was known is logged as 'unknown'.
 */
export function auditFields(req: Request, caller: Caller | undefined): AuditFields {
  if (!caller) return { audit: true, user: 'unknown', role: 'none', workspace: '-' };
  const asked = new URL(req.url).searchParams.get('workspace');
  const p = caller.principal;
  const { access } = caller;
  const workspace =
    p.kind === 'share' ? p.workspace : asked ? asked.slice(0, 64) : access.scope.kind === 'all' ? '*' : access.grants.map((g) => g.workspace).join(',') || '-';
  return { audit: true, user: principalLabel(p), role: access.role ?? 'none', workspace };
}
