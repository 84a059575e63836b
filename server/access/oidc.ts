import 'server-only';
import { readFileSync } from 'node:fs';
import * as client from 'openid-client';
import type { OidcConfig } from '../config/schema';
import { Refusal } from '../errors/refusal';
import { seal, unseal } from './sealed-token';

/** The short-lived cookie that carries PKCE verifier, state and nonce from login to callback. */
export const LOGIN_COOKIE = 'mg_login';
export const LOGIN_TTL_SECONDS = 600;

const KEY = Symbol.for('meshglass.oidc-client');
type Holder = { [KEY]?: { issuer: string; config: Promise<client.Configuration> } };

/** The provider's metadata, discovered once per process (retried after a failure). */
export function oidcClient(cfg: OidcConfig, resolvePath: (p: string) => string): Promise<client.Configuration> {
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (cached && cached.issuer === cfg.issuer) return cached.config;
  const secret = cfg.clientSecretFile ? readFileSync(/* turbopackIgnore: true */ resolvePath(cfg.clientSecretFile), 'utf8').trim() : cfg.clientSecret;
  const auth = secret ? client.ClientSecretPost(secret) : client.None();
  const config = client.discovery(new URL(cfg.issuer), cfg.clientId, secret ? undefined : { token_endpoint_auth_method: 'none' }, auth, {
    execute: cfg.allowInsecureIssuer ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
  holder[KEY] = { issuer: cfg.issuer, config };
  config.catch(() => {
    if (holder[KEY]?.config === config) delete holder[KEY];
  });
  return config;
}

// Control characters and whitespace: browsers strip some (a tab turns `/\t/x` into `//x`), and others make the Location header invalid.
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\s]/u;

function isSamePath(v: string): boolean {
  return v.startsWith('/') && !v.startsWith('//') && !v.includes('\\') && !UNSAFE_CHAR.test(v);
}

/**
 * A path on this app to return to after login; anything else becomes '/'.
 * The value is checked as given and once more decoded, so an encoded `%09`
 * or `%2F` cannot turn into a tab or a second slash further on.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2048 || !isSamePath(value)) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return '/';
  }
  if (!isSamePath(decoded)) return '/';
  const base = 'http://meshglass.invalid';
  return new URL(value, base).origin === base ? value : '/';
}

/** Starts the authorization code flow with PKCE: the provider URL and the sealed transaction cookie value. */
export async function beginLogin(cfg: OidcConfig, config: client.Configuration, key: Uint8Array, returnTo: string): Promise<{ url: URL; cookie: string }> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: cfg.redirectUrl,
    scope: cfg.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const cookie = await seal({ v: verifier, s: state, n: nonce, r: safeReturnTo(returnTo) }, key, 'login', LOGIN_TTL_SECONDS);
  return { url, cookie };
}

/** The logged-in user: id, display name and groups from the ID token (and userinfo when groups are not in it). */
export interface OidcUser {
  id: string;
  name?: string;
  groups: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : typeof v === 'string' ? [v] : []);

/** Finishes the flow: checks state, PKCE and nonce, exchanges the code, and returns the user and where to go. */
export async function finishLogin(cfg: OidcConfig, config: client.Configuration, key: Uint8Array, req: Request, loginCookie: string | undefined): Promise<{ user: OidcUser; returnTo: string }> {
  const tx = loginCookie ? await unseal(loginCookie, key, 'login') : undefined;
  if (!tx || typeof tx.v !== 'string' || typeof tx.s !== 'string' || typeof tx.n !== 'string') {
    throw new Refusal('bad_input', 'login_expired', 'no login in progress in this browser, or it took too long: start again at /api/v1/auth/login');
  }
  // The URL the provider redirected to, rebuilt on the configured origin so a Host header cannot change it.
  const current = new URL(cfg.redirectUrl);
  current.search = new URL(req.url).search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: tx.v, expectedState: tx.s, expectedNonce: tx.n, idTokenExpected: true });
  } catch (err) {
    throw new Refusal('unauthenticated', 'login_failed', `the identity provider's answer was refused: ${(err as Error).message}`);
  }
  const claims = tokens.claims();
  if (!claims) throw new Refusal('unauthenticated', 'login_failed', 'the identity provider sent no ID token');
  let info: Record<string, unknown> = claims;
  if (claims[cfg.groupsClaim] === undefined || claims[cfg.usernameClaim] === undefined) {
    info = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  }
  const idClaim = info[cfg.usernameClaim];
  const id = typeof idClaim === 'string' && idClaim ? idClaim : claims.sub;
  const name = typeof info.name === 'string' ? info.name : undefined;
  return { user: { id, name, groups: strings(info[cfg.groupsClaim]) }, returnTo: safeReturnTo(typeof tx.r === 'string' ? tx.r : undefined) };
}

/** The provider's end-session URL, when it has one, for a full logout. */
export function endSessionUrl(config: client.Configuration, clientId: string): string | undefined {
  if (!config.serverMetadata().end_session_endpoint) return undefined;
  return client.buildEndSessionUrl(config, { client_id: clientId }).href;
}
