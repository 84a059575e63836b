import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import type { ApiError } from '@/lib/api/envelope';
import { getAppRuntime } from '../runtime/app-runtime';
import type { Logger } from '../log/logger';

/** What a route handler gets besides the request. */
export interface ApiContext {
  requestId: string;
  logger: Logger;
  params: Record<string, string | string[]>;
}

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: Request, ctx: ApiContext) => Promise<Response> | Response;

/** An error a handler throws to answer with a given status and code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiError['error']['issues'],
  ) {
    super(message);
  }

  static badInput(err: ZodError): ApiProblem {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(query)', message: i.message }));
    return new ApiProblem(400, 'bad_request', `invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
}

/** JSON answer with the request id and no caching, since data is live. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Wraps a route handler: assigns a request id (or keeps a well-formed incoming
 * one), logs one JSON line per request, and turns thrown errors into JSON
 * answers so that nothing escapes as an HTML error page.
 */
export function apiRoute(name: string, handler: Handler) {
  return async (req: Request, route?: RouteParams): Promise<Response> => {
    const started = performance.now();
    const incoming = req.headers.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const runtime = getAppRuntime();
    const logger = runtime.logger.child({ requestId, route: name });
    let response: Response;
    try {
      const params = route ? await route.params : {};
      response = await handler(req, { requestId, logger, params });
    } catch (err) {
      response = errorResponse(err, requestId, logger);
    }
    response.headers.set('x-request-id', requestId);
    const { pathname } = new URL(req.url);
    logger.info({ method: req.method, path: pathname, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
    return response;
  };
}

function errorResponse(err: unknown, requestId: string, logger: Logger): Response {
  if (err instanceof ApiProblem) {
    const body: ApiError = { error: { code: err.code, message: err.message, issues: err.issues }, requestId };
    return jsonResponse(body, err.status);
  }
  logger.error({ err }, 'unhandled error in route handler');
  const body: ApiError = { error: { code: 'internal', message: 'internal error; see the server log for this request id' }, requestId };
  return jsonResponse(body, 500);
}
