import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiProblem } from '../http/api-problem';
import type { Principal } from './principal';

/** The header state-changing requests must carry. */
export const CSRF_HEADER = 'x-csrf-token';

function binding(p: Principal): string {
  if (p.kind === 'user') return `user:${p.via}:${p.id}:${p.sessionId ?? ''}`;
  if (p.kind === 'share') return `share:${p.linkId}`;
  return 'anonymous';
}

/** The CSRF token of a caller: an HMAC of who they are (and their session), handed out by /api/v1/auth/me. */
export function csrfToken(p: Principal, key: Uint8Array): string {
  return createHmac('sha256', key).update(binding(p)).digest('base64url');
}

/**
 * Refuses a state-changing request that another site could have made: the
 * browser's Sec-Fetch-Site / Origin must say same origin, and the token
 * header (which a cross-site form or fetch cannot set) must match.
 */
export function checkCsrf(req: Request, p: Principal, key: Uint8Array): void {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new ApiProblem(403, 'csrf', `cross-site request refused (Sec-Fetch-Site: ${site})`);
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (origin && origin !== 'null') {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!host || originHost !== host) throw new ApiProblem(403, 'csrf', 'cross-origin request refused');
  } else if (origin === 'null') {
    throw new ApiProblem(403, 'csrf', 'request from an opaque origin refused');
  }
  const sent = req.headers.get(CSRF_HEADER) ?? '';
  const expected = Buffer.from(csrfToken(p, key));
  const given = Buffer.from(sent);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiProblem(403, 'csrf', `missing or wrong ${CSRF_HEADER} header; read it from GET /api/v1/auth/me`);
  }
}
