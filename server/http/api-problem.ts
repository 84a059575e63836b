import 'server-only';
import type { ZodError } from 'zod';
import type { ApiError } from '@/lib/api/envelope';

/** An error a handler throws to answer with a given status and code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiError['error']['issues'],
    /** Extra response headers, e.g. WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static badInput(err: ZodError): ApiProblem {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(query)', message: i.message }));
    return new ApiProblem(400, 'bad_request', `invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
}

/** JSON answer with no caching, since data is live and per caller. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(JSON.stringify(body), status, headers);
}

/** Headers of every JSON answer: live data, per caller, so never cached. */
export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** The same for a body already serialised (answers shared between requests). */
export function jsonTextResponse(json: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { ...JSON_HEADERS, ...headers } });
}
