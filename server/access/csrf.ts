import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Refusal } from '../errors/refusal';
import type { AccessConfig } from './access-config';
import { addressMatcher, peerAddress } from './peer-address';
import type { Principal } from './principal';

/** The header state-changing requests must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** A token is made for one window and accepted through the next, so it lives one to two windows. */
export const CSRF_WINDOW_MS = 3600_000;

/** Where a state-changing request may come from, and when it is checked. */
export interface CsrfOptions {
  /** The app's public origin (scheme://host[:port]), accepted as Origin whatever the Host header says. */
  publicOrigin?: string;
  /** Peers whose X-Forwarded-Host / -Proto are believed; from anyone else those headers are ignored. */
  trustedProxies?: readonly string[];
  now?: number;
}

/** The CSRF options of a config: the OIDC redirect URL's origin, and header auth's trusted proxies. */
export function csrfOptions(cfg: AccessConfig): CsrfOptions {
  const redirectUrl = cfg.auth.mode === 'oidc' ? cfg.auth.oidc?.redirectUrl : undefined;
  return {
    publicOrigin: redirectUrl ? new URL(redirectUrl).origin : undefined,
    trustedProxies: cfg.auth.mode === 'header' ? (cfg.auth.header?.trustedProxies ?? []) : [],
  };
}

function binding(p: Principal): string {
  if (p.kind === 'user') return `user:${p.via}:${p.id}:${p.sessionId ?? ''}`;
  if (p.kind === 'share') return `share:${p.linkId}`;
  return 'anonymous';
}

const windowOf = (now: number) => Math.floor(now / CSRF_WINDOW_MS);
const tokenOf = (p: Principal, key: Uint8Array, window: number) => createHmac('sha256', key).update(`${window}\u0000${binding(p)}`).digest('base64url');

/**
 * The CSRF token of a caller: an HMAC of who they are (and their session)
 * and the current time window, handed out by /api/v1/auth/me. It rotates
 * even where nothing else does (header auth has no session).
 */
export function csrfToken(p: Principal, key: Uint8Array, now = Date.now()): string {
  return tokenOf(p, key, windowOf(now));
}

/** The first value of a forwarded header, as a proxy chain may list several. */
const firstOf = (v: string | null) => v?.split(',')[0]?.trim() || undefined;

/** Whether Origin names this app: the public origin, the request's Host, or the host a trusted proxy forwarded. */
function sameOrigin(req: Request, origin: URL, opts: CsrfOptions): boolean {
  if (opts.publicOrigin && origin.origin === opts.publicOrigin) return true;
  const peer = peerAddress(req);
  if (peer && opts.trustedProxies?.length && addressMatcher(opts.trustedProxies)(peer)) {
    const host = firstOf(req.headers.get('x-forwarded-host'));
    const proto = firstOf(req.headers.get('x-forwarded-proto'));
    if (host && origin.host === host && (!proto || origin.protocol === `${proto}:`)) return true;
  }
  // A browser sets Host itself: a cross-site page cannot choose it, unlike X-Forwarded-Host.
  const host = req.headers.get('host');
  return host !== null && origin.host === host;
}

/**
 * Refuses a state-changing request that another site could have made: the
 * browser's Sec-Fetch-Site / Origin must say same origin, and the token
 * header (which a cross-site form or fetch cannot set) must match.
 */
export function checkCsrf(req: Request, p: Principal, key: Uint8Array, opts: CsrfOptions = {}): void {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new Refusal('forbidden', 'csrf', `cross-site request refused (Sec-Fetch-Site: ${site})`);
  const origin = req.headers.get('origin');
  if (origin === 'null') throw new Refusal('forbidden', 'csrf', 'request from an opaque origin refused');
  if (origin) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !sameOrigin(req, parsed, opts)) throw new Refusal('forbidden', 'csrf', 'cross-origin request refused');
  }
  const given = Buffer.from(req.headers.get(CSRF_HEADER) ?? '');
  const window = windowOf(opts.now ?? Date.now());
  const matches = [window, window - 1].some((w) => {
    const expected = Buffer.from(tokenOf(p, key, w));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new Refusal('forbidden', 'csrf', `missing or wrong ${CSRF_HEADER} header; read it again from GET /api/v1/auth/me`);
}
