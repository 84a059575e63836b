/**
 * Where the browser goes when the session is gone (an API answered 401 in
 * oidc or header mode), and the guard that keeps a broken login from
 * bouncing the browser back and forth.
 */

/** sessionStorage key holding when the browser was last sent to log in (ms since epoch). */
export const LOGIN_REDIRECT_KEY = 'meshglass.loginRedirectAt';

/** How long after one redirect another is refused: a login that comes straight back to a 401 stops here. */
export const LOGIN_REDIRECT_GUARD_MS = 60_000;

/** The login URL that brings the browser back to where it was (path and query only, same origin). */
export function loginUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  return `/api/v1/auth/login?returnTo=${encodeURIComponent(`${location.pathname}${location.search}`)}`;
}

/** Whether to redirect now, given when the last redirect happened (undefined or unparseable: never). */
export function mayRedirect(now: number, lastAt: string | null | undefined): boolean {
  const last = lastAt ? Number(lastAt) : NaN;
  return !Number.isFinite(last) || now - last > LOGIN_REDIRECT_GUARD_MS || last > now;
}
