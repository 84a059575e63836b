import 'server-only';

/** Exponential backoff settings for reconnecting to a cluster. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** After 401/403, retries start here (default 4 x baseMs): credentials rarely fix themselves in a second. */
  authBaseMs?: number;
  /** ... and stop growing here (default 2 x maxMs): slow enough not to hammer an API server or trip lockouts, yet an expired token that is renewed recovers on its own. */
  authMaxMs?: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, authBaseMs: 2_000, authMaxMs: 60_000 };

/** The backoff for a failure: the slower auth schedule after 401 Unauthorized, 403 Forbidden, or a kind not served (404), none of which a quick retry fixes. */
export function backoffFor(failure: { kind: string } | undefined, opts: BackoffOptions = DEFAULT_BACKOFF): BackoffOptions {
  if (failure?.kind !== 'unauthorized' && failure?.kind !== 'forbidden' && failure?.kind !== 'notServed') return opts;
  return { baseMs: opts.authBaseMs ?? opts.baseMs * 4, maxMs: opts.authMaxMs ?? opts.maxMs * 2 };
}

/**
 * Delay before retry number `attempt` (0-based): base * 2^attempt capped at max,
 * with "equal jitter" (half fixed, half random) so that a fleet of clusters that
 * failed together does not retry together, yet never retries immediately.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Resolves after `ms`, or early (without error) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
