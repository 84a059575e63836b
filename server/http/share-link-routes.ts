import 'server-only';
import { createShareLinkSchema } from '@/lib/access/api';
import { grantsWith } from '@/lib/access/grants';
import { ApiProblem, jsonResponse } from './api-problem';
import type { AccessConfig } from '../access/access-config';
import type { AuditNote } from '../access/audit';
import { revocationsFile } from '../access/caller';
import { secureCookies, serializeCookie } from '../access/cookies';
import type { Access } from '../access/resolve-scope';
import { shareLinkRegistry } from '../access/share-link-store';
import { createShareLink, SHARE_COOKIE, verifyShareToken } from '../access/share-links';
import type { Principal } from '../access/principal';
import { principalLabel } from '../access/principal';

/** The workspaces where the caller may manage share links (admins: all). */
function manageable(access: Access): Set<string> {
  return new Set(grantsWith(access.grants, 'shareLinks').map((g) => g.workspace));
}

function enabled(cfg: AccessConfig): void {
  if (!cfg.shareLinks.enabled) throw new ApiProblem(404, 'not_found', 'share links are turned off (shareLinks.enabled)');
}

/** POST /api/v1/share-links: a signed link to one workspace the caller operates. The token is shown once. */
export async function createLink(req: Request, cfg: AccessConfig, p: Principal, access: Access): Promise<Response> {
  enabled(cfg);
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ApiProblem(400, 'bad_request', 'the body must be JSON: {"workspace": "...", "ttlHours": 24}');
  }
  const parsed = createShareLinkSchema.safeParse(body);
  if (!parsed.success) throw ApiProblem.badInput(parsed.error);
  const { workspace, ttlHours = cfg.shareLinks.defaultTtlHours } = parsed.data;
  if (!manageable(access).has(workspace)) throw new ApiProblem(403, 'forbidden', `you cannot share workspace "${workspace}"`);
  const hours = Math.min(ttlHours, cfg.shareLinks.maxTtlHours);
  const { token, record } = await createShareLink({ workspace, createdBy: principalLabel(p), ttlSeconds: Math.round(hours * 3600), key: cfg.keys.shareLinks, file: revocationsFile(cfg) });
  return jsonResponse({ link: record, token, path: `/share/${token}` }, 201);
}

/** GET /api/v1/share-links: unexpired links of the workspaces the caller may share. */
export async function listLinksFor(cfg: AccessConfig, access: Access): Promise<Response> {
  enabled(cfg);
  const items = await shareLinkRegistry(revocationsFile(cfg)).list(access.scope.kind === 'all' ? undefined : manageable(access));
  return jsonResponse({ items });
}

/**
 * DELETE /api/v1/share-links/{id}: revokes a link of a workspace the caller
 * may share. With the history on, the revocation is in the store before this
 * answers (503 when the store cannot take it), so every replica refuses the link.
 */
export async function revokeLinkFor(id: string, cfg: AccessConfig, access: Access, by?: Principal): Promise<Response> {
  enabled(cfg);
  const links = shareLinkRegistry(revocationsFile(cfg));
  const known = await links.get(id);
  if (!known || (access.scope.kind !== 'all' && !manageable(access).has(known.workspace))) throw new ApiProblem(404, 'not_found', 'no such share link');
  return jsonResponse({ link: await links.revoke(id, by ? principalLabel(by) : 'unknown') });
}

/** GET /share/{token}: checks the link, leaves it as an HttpOnly cookie, and opens the workspace. The audit line gets the link's id, never its token. */
export async function openShareLink(req: Request, token: string, cfg: AccessConfig, audit: AuditNote = {}): Promise<Response> {
  enabled(cfg);
  const r = await verifyShareToken(token, cfg.keys.shareLinks, revocationsFile(cfg));
  if (typeof r !== 'string') audit.shareLink = r.linkId;
  if (typeof r === 'string') throw new ApiProblem(r === 'malformed' ? 400 : r === 'invalid' ? 401 : 410, `share_link_${r}`, `this share link is ${r}; ask its sender for a new one`);
  const headers = new Headers({ location: `/workspaces?workspace=${encodeURIComponent(r.workspace)}`, 'cache-control': 'no-store' });
  headers.append('set-cookie', serializeCookie(SHARE_COOKIE, token, { secure: secureCookies(cfg.auth.cookieSecure, req), maxAgeSeconds: (r.expiresAt - Date.now()) / 1000 }));
  return new Response(null, { status: 303, headers });
}
