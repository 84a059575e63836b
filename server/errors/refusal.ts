import 'server-only';

/** What kind of refusal: server/http maps each to its status (401, 403, 400, 404, 410, 503). */
export type RefusalKind = 'unauthenticated' | 'forbidden' | 'bad_input' | 'not_found' | 'gone' | 'unavailable';

/**
 * Why a layer below HTTP refuses a request (access, a query the fleet or the
 * telemetry cannot answer): it says what and why; apiRoute (server/http)
 * turns it into the answer, so nothing below HTTP builds HTTP errors.
 */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** Machine-readable reason: 'csrf', 'bad_share_link', 'telemetry_not_configured', ... */
    readonly code: string,
    message: string,
    /** What the answer must also do: ask for credentials (WWW-Authenticate), clear a cookie. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
