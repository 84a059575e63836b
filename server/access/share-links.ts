import 'server-only';
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Principal } from './principal';
import { readCookie } from './cookies';
import { shareLinkRegistry, type ShareLinkRecord } from './share-link-store';

/** The cookie a followed share link leaves in the stakeholder's browser. */
export const SHARE_COOKIE = 'mg_share';

const AUDIENCE = 'meshglass:share';
const MAX_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Signs a read-only link to one workspace and records it (in the history's
 * store when the history is on); the ttl is capped at 7 days whatever is
 * asked. No token is handed out for a link that could not be recorded.
 */
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
  await shareLinkRegistry(opts.file).record(record);
  return { token, record };
}

/** Why a share token was refused, for a clear answer. */
export type ShareTokenError = 'malformed' | 'invalid' | 'expired' | 'revoked';

/**
 * Verifies a share token: signature, audience, expiry (≤ 7 days from issue)
 * and revocation. Revocations are checked in memory; only before they were
 * first read from the store does this wait (then refuse with 'unavailable').
 */
export async function verifyShareToken(token: string, key: Uint8Array, file?: string): Promise<Extract<Principal, { kind: 'share' }> | ShareTokenError> {
  if (token.length > 2048 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return 'malformed';
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'], typ: 'mg-share+jwt' }));
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid';
  }
  if (typeof payload.jti !== 'string' || typeof payload.ws !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return 'invalid';
  if (payload.exp - payload.iat > MAX_TTL_SECONDS) return 'invalid';
  const links = shareLinkRegistry(file);
  await links.known();
  if (links.isRevoked(payload.jti)) return 'revoked';
  return { kind: 'share', linkId: payload.jti, workspace: payload.ws, expiresAt: payload.exp * 1000 };
}

/** The share principal of a request's share cookie: undefined without one, the reason when it is refused. */
export async function readShareCookie(req: Request, key: Uint8Array, file?: string): Promise<Extract<Principal, { kind: 'share' }> | ShareTokenError | undefined> {
  const token = readCookie(req, SHARE_COOKIE);
  return token === undefined ? undefined : verifyShareToken(token, key, file);
}
