import 'server-only';
import type { AccessConfig } from '../access/access-config';
import { ApiProblem } from './api-problem';
import { clearCookie, readCookie, secureCookies, serializeCookie } from '../access/cookies';
import { beginLogin, endSessionUrl, finishLogin, LOGIN_COOKIE, LOGIN_TTL_SECONDS, oidcClient, safeReturnTo } from '../access/oidc';
import type { Principal } from '../access/principal';
import { createSession, revokeSession, SESSION_COOKIE } from '../access/session';
import { SHARE_COOKIE } from '../access/share-links';

const CALLBACK_PATH = '/api/v1/auth/callback';

function oidcOf(cfg: AccessConfig) {
  if (cfg.auth.mode !== 'oidc' || !cfg.auth.oidc) throw new ApiProblem(404, 'not_found', 'login is only used with auth.mode oidc');
  return cfg.auth.oidc;
}

function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 302, headers });
}

/** GET /api/v1/auth/login?returnTo=/path: redirect to the provider with PKCE, state and nonce in a sealed cookie. */
export async function login(req: Request, cfg: AccessConfig): Promise<Response> {
  const oidc = oidcOf(cfg);
  const client = await oidcClient(oidc, cfg.resolvePath);
  const { url, cookie } = await beginLogin(oidc, client, cfg.keys.session, safeReturnTo(new URL(req.url).searchParams.get('returnTo')));
  const secure = secureCookies(cfg.auth.cookieSecure, req, oidc.redirectUrl);
  return redirect(url.href, [serializeCookie(LOGIN_COOKIE, cookie, { secure, path: CALLBACK_PATH, maxAgeSeconds: LOGIN_TTL_SECONDS })]);
}

/** GET /api/v1/auth/callback: finish the flow, start the session, go back where the user was. */
export async function callback(req: Request, cfg: AccessConfig): Promise<Response> {
  const oidc = oidcOf(cfg);
  const client = await oidcClient(oidc, cfg.resolvePath);
  const { user, returnTo } = await finishLogin(oidc, client, cfg.keys.session, req, readCookie(req, LOGIN_COOKIE));
  const session = await createSession(user, cfg.keys.session, oidc.sessionMaxAgeSeconds);
  const secure = secureCookies(cfg.auth.cookieSecure, req, oidc.redirectUrl);
  return redirect(safeReturnTo(returnTo), [
    serializeCookie(SESSION_COOKIE, session.value, { secure, maxAgeSeconds: oidc.sessionMaxAgeSeconds }),
    clearCookie(LOGIN_COOKIE, { secure, path: CALLBACK_PATH }),
    clearCookie(SHARE_COOKIE, { secure }),
  ]);
}

/** POST /api/v1/auth/logout: ends the session here (cookie cleared, id revoked) and names the provider's logout URL. */
export async function logout(req: Request, cfg: AccessConfig, p: Principal): Promise<Response> {
  const oidc = cfg.auth.mode === 'oidc' ? cfg.auth.oidc : undefined;
  if (p.kind === 'user' && p.sessionId) revokeSession(p.sessionId, p.expiresAt ?? Date.now() + 7 * 24 * 3600_000);
  let endSession: string | undefined;
  if (oidc) endSession = endSessionUrl(await oidcClient(oidc, cfg.resolvePath), oidc.clientId);
  const secure = secureCookies(cfg.auth.cookieSecure, req, oidc?.redirectUrl);
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  headers.append('set-cookie', clearCookie(SESSION_COOKIE, { secure }));
  headers.append('set-cookie', clearCookie(SHARE_COOKIE, { secure }));
  return new Response(JSON.stringify({ loggedOut: true, endSessionUrl: endSession }), { status: 200, headers });
}
