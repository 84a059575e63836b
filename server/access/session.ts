import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Principal } from './principal';
import { readCookie } from './cookies';
import { seal, unseal } from './sealed-token';

/** The session cookie: an encrypted token with the user's id, name and groups; never the provider's tokens. */
export const SESSION_COOKIE = 'mg_session';

type User = Extract<Principal, { kind: 'user' }>;

const KEY = Symbol.for('meshglass.revoked-sessions');
type Holder = { [KEY]?: Map<string, number> };

/** Session ids ended by logout, kept until their cookie would expire anyway (per process). */
function revoked(): Map<string, number> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

/** A new session cookie value for a user who just logged in. */
export async function createSession(user: { id: string; name?: string; groups: readonly string[] }, key: Uint8Array, maxAgeSeconds: number): Promise<{ value: string; sessionId: string }> {
  const sessionId = randomUUID();
  const value = await seal({ sub: user.id, name: user.name, groups: [...user.groups], sid: sessionId }, key, 'session', maxAgeSeconds);
  return { value, sessionId };
}

/** The user of a request's session cookie; undefined when absent, tampered with, expired or logged out. */
export async function readSession(req: Request, key: Uint8Array): Promise<User | undefined> {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token) return undefined;
  const p = await unseal(token, key, 'session');
  if (!p || typeof p.sub !== 'string' || typeof p.sid !== 'string' || revoked().has(p.sid)) return undefined;
  const groups = Array.isArray(p.groups) ? p.groups.filter((g): g is string => typeof g === 'string') : [];
  return { kind: 'user', via: 'oidc', id: p.sub, name: typeof p.name === 'string' ? p.name : undefined, groups, sessionId: p.sid, expiresAt: typeof p.exp === 'number' ? p.exp * 1000 : undefined };
}

/** Ends a session on this replica even if the browser kept the cookie. */
export function revokeSession(sessionId: string, expiresAtMs: number): void {
  const now = Date.now();
  const map = revoked();
  for (const [id, exp] of map) if (exp < now) map.delete(id);
  map.set(sessionId, expiresAtMs);
}
