import 'server-only';
import { AUDIT_ACTIONS, type AuditTrail } from '../history/access-records';
import type { Caller } from './caller';
import { principalLabel } from './principal';

/** The audit fields of a request's log line: who, with which role, about which workspace, on which path. */
export interface AuditFields extends AuditNote {
  audit: true;
  user: string;
  role: string;
  /** The workspace the request is about (share link, or ?workspace=), else the caller's workspaces. */
  workspace: string;
  /** The request path, with any token in it redacted. */
  path: string;
}

/** What a handler adds to its request's audit line once it knows (never a token). */
export interface AuditNote {
  /** The id of the share link a request opened. */
  shareLink?: string;
}

const REDACTED = '<redacted>';
// A JWT or JWE (3 or 5 base64url parts, a JSON header so "eyJ"): a share token, or any token a future route takes in its path.
const TOKEN_SEGMENT = /^eyJ[\w-]*(\.[\w-]*){2,4}$/;

/**
 * A request path as it may be logged: the token of /share/{token} (a live
 * link, replayable by anyone reading the log) and any token-shaped segment
 * are replaced. The query string is never logged (it carries OIDC codes).
 */
export function auditPath(pathname: string): string {
  const segments = pathname.split('/').map((s) => (TOKEN_SEGMENT.test(s) ? REDACTED : s));
  if (segments[1] === 'share' && segments.length > 2) return `/share/${REDACTED}`;
  return segments.join('/').slice(0, 512);
}

/**
 * Audit fields for the one log line apiRoute writes per request. A request
 * refused before its caller was known is logged as 'unknown'.
 */
export function auditFields(req: Request, caller: Caller | undefined, note: AuditNote = {}): AuditFields {
  const path = auditPath(new URL(req.url).pathname);
  const shareLink = note.shareLink ? { shareLink: note.shareLink } : {};
  if (!caller) return { audit: true, user: 'unknown', role: 'none', workspace: '-', path, ...shareLink };
  const asked = new URL(req.url).searchParams.get('workspace');
  const p = caller.principal;
  const { access } = caller;
  const workspace =
    p.kind === 'share' ? p.workspace : asked ? asked.slice(0, 64) : access.scope.kind === 'all' ? '*' : access.grants.map((g) => g.workspace).join(',') || '-';
  return { audit: true, user: principalLabel(p), role: access.role ?? 'none', workspace, path, ...shareLink };
}

/** A request's audit line as the request log writes it. */
export type RequestAuditLine = AuditFields & { method: string; status: number; ms: number };

// Probes answer load balancers every few seconds with no caller: they would fill the trail and say nothing.
const NOT_IN_TRAIL = new Set(['healthz', 'readyz']);

/**
 * Hands a request's audit line to the audit trail (a queue: it never waits
 * or throws): principal = the user, subject = the logged path, the rest in
 * detail. Probes are left out.
 */
export function recordRequest(trail: Pick<AuditTrail, 'record'>, route: string, requestId: string, line: RequestAuditLine): void {
  if (NOT_IN_TRAIL.has(route)) return;
  const { user, path, role, workspace, method, status, ms, shareLink } = line;
  trail.record({
    at: new Date().toISOString(),
    principal: user,
    action: AUDIT_ACTIONS.request,
    subject: path,
    detail: { route, method, status, role, workspace, requestId, ms, ...(shareLink ? { shareLink } : {}) },
  });
}
