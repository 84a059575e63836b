import type { Me } from '../access/api';
import { ApiRequestError } from './fetch-json';

const isCsrfRefusal = (err: unknown): boolean =>
  err instanceof ApiRequestError && err.status === 403 && err.code === 'csrf';

/**
 * Sends a state-changing call with the CSRF token of `me`; the token rotates
 * hourly (docs/access.md, CSRF), so a tab kept open for hours holds a stale
 * one: on a 403 `csrf` refusal, read /auth/me again and retry once.
 */
export async function withCsrfRetry<T>(me: Me, refreshMe: () => Promise<Me>, send: (me: Me) => Promise<T>): Promise<T> {
  try {
    return await send(me);
  } catch (err) {
    if (!isCsrfRefusal(err)) throw err;
    return send(await refreshMe());
  }
}
