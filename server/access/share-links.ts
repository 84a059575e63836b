import 'server-only';
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Principal } from './principal';
import { readCookie } from './cookies';
import { isRevoked, recordLink, type ShareLinkRecord } from './share-link-store';

/** The cookie a followed share link leaves in the stakeholder's browser. */
export const SHARE_COOKIE = 'mg_share';

const AUDIENCE = 'meshglass:share';
const MAX_TTL_SECONDS = 7 * 24 * 3600;

/** Signs a read-only link to one workspace; the ttl is capped at 7 days whatever is asked. */
export async function createShareLink(opts: { workspace: string; createdBy: string; ttlSeconds: number; key: Uint8Array; file?: string }): Promise<{ token: string; record: ShareLinkRecord }> {
  const id = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + Math.min(opts.ttlSeconds, MAX_TTL_SECONDS);
  const token = await new SignJWT({ ws: opts.workspace })
    .setProtectedHeader({ alg: 'HS256', typ: 'mg-share+jwt' })
    .setJti(id)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setAudience(AUDIENCE)
    .sign(opts.key);
  const record: ShareLinkRecord = { id, workspace: opts.workspace, createdBy: opts.createdBy, createdAt: new Date(now * 1000).toISOString(), expiresAt: new Date(exp * 1000).toISOString() };
  recordLink(record, opts.file);
  return { token, record };
}

/** Why a share token was refused, for a clear answer. */
export type ShareTokenError = 'malformed' | 'invalid' | 'expired' | 'revoked';

/** Verifies a share token: signature, audience, expiry (≤ 7 days from issue) and revocation. */
export async function verifyShareToken(token: string, key: Uint8Array, file?: string): Promise<Extract<Principal, { kind: 'share' }> | ShareTokenError> {
  if (token.length > 2048 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return 'malformed';
  try {
    const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'], typ: 'mg-share+jwt' });
    if (typeof payload.jti !== 'string' || typeof payload.ws !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return 'invalid';
    if (payload.exp - payload.iat > MAX_TTL_SECONDS) return 'invalid';
    if (isRevoked(payload.jti, file)) return 'revoked';
    return { kind: 'share', linkId: payload.jti, workspace: payload.ws, expiresAt: payload.exp * 1000 };
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid';
  }
}

/** The share principal of a request's share cookie: undefined without one, the reason when it is refused. */
export async function readShareCookie(req: Request, key: Uint8Array, file?: string): Promise<Extract<Principal, { kind: 'share' }> | ShareTokenError | undefined> {
  const token = readCookie(req, SHARE_COOKIE);
  return token === undefined ? undefined : verifyShareToken(token, key, file);
}
