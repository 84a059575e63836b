import 'server-only';
import type { ZodError } from 'zod';
import type { ApiError } from '@/lib/api/envelope';
import type { Refusal, RefusalKind } from '../errors/refusal';

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

const REFUSAL_STATUS: Record<RefusalKind, number> = { unauthenticated: 401, forbidden: 403, bad_input: 400, not_found: 404, gone: 410, unavailable: 503 };

/** The answer to a refusal of server/access. */
export function problemOf(r: Refusal): ApiProblem {
  return new ApiProblem(REFUSAL_STATUS[r.kind], r.code, r.message, undefined, r.headers);
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

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small HTML error page for addresses a person opens in a browser (share links): no script, no style, no caching. */
export function htmlErrorResponse(status: number, title: string, message: string, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></html>\n`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}
