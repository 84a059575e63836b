import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ApiError } from '@/lib/api/envelope';
import type { AccessConfig } from '../access/access-config';
import { auditFields, recordRequest, type AuditNote } from '../access/audit';
import { resolveCaller, type Caller } from '../access/caller';
import { checkCsrf, csrfOptions } from '../access/csrf';
import type { Principal } from '../access/principal';
import type { Access } from '../access/resolve-scope';
import { routePolicy, type RoutePolicy } from '../access/route-policy';
import { withSecurityHeaders } from '../access/security-headers';
import { can, narrowTo, NOTHING, type VisibilityScope } from '../fleet/scope';
import { getAppRuntime, type AppRuntime } from '../runtime/app-runtime';
import type { Logger } from '../log/logger';
import { Refusal } from '../errors/refusal';
import { badPathMessage, malformedPathSegment } from '@/lib/http/malformed-path';
import { ApiProblem, htmlErrorResponse, jsonResponse, problemOf } from './api-problem';

export { ApiProblem, jsonResponse };

/** What a route handler gets besides the request. */
export interface ApiContext {
  /** The application: fleet model, telemetry, analysis, readiness (server/runtime/app-runtime.ts). */
  app: AppRuntime;
  requestId: string;
  logger: Logger;
  params: Record<string, string | string[]>;
  /** What the caller may see; pass it to every server/fleet read. NOTHING on public routes. */
  scope: VisibilityScope;
  /** The caller; undefined on public routes (probes, login). */
  principal?: Principal;
  access?: Access;
  /** The access config of this request (workspaces, keys), for auth and share-link routes. */
  accessConfig: AccessConfig;
  /** Filled by the handler for the request's audit line (e.g. the share link opened); never a token. */
  audit: AuditNote;
}

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: Request, ctx: ApiContext) => Promise<Response> | Response;

/** Resolves the caller and applies the route's policy: capability (scope narrowed to it), share-link reach, CSRF. */
async function authorize(policy: RoutePolicy, req: Request, cfg: AccessConfig, known: (c: Caller) => void): Promise<{ caller?: Caller; scope: VisibilityScope }> {
  if (policy.public) return { scope: NOTHING };
  const caller = await resolveCaller(req, cfg);
  // Known before the policy may refuse it: the audit line names who was refused.
  known(caller);
  let scope = caller.access.scope;
  if (caller.principal.kind === 'share' && !policy.shareable) throw new ApiProblem(403, 'forbidden', 'a share link shows one workspace\'s overview and topology only');
  if (policy.unscoped && scope.kind !== 'all') throw new ApiProblem(403, 'not_scoped', 'this view is not filtered by workspace yet, so it is shown to admins only');
  if (policy.admin && caller.access.role !== 'admin') throw new ApiProblem(403, 'forbidden', 'only admins may use this');
  if (policy.requires) {
    if (!can(scope, policy.requires)) throw new ApiProblem(403, 'forbidden', `your role does not include ${policy.requires} in any of your workspaces`);
    scope = narrowTo(scope, policy.requires);
  }
  if (policy.mutates || !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) checkCsrf(req, caller.principal, cfg.keys.csrf, csrfOptions(cfg));
  return { caller, scope };
}

/**
 * Wraps a route handler: assigns a request id (or keeps a well-formed
 * incoming one), turns the request into a caller and a visibility scope
 * (server/access), logs one JSON audit line per request (user, role, route,
 * workspace, status) and queues it for the audit trail, adds security
 * headers, and turns thrown errors into JSON answers so that nothing escapes
 * as an HTML error page. A path with a segment that is not valid
 * percent-encoding is refused here, for every route, before anything reads it.
 */
export function apiRoute(name: string, handler: Handler) {
  return wrap(name, () => routePolicy(name), handler);
}

const NO_CALLER: RoutePolicy = { public: true, shareable: true, mutates: false, unscoped: false, admin: false, page: false };

/**
 * The answer to a path no route serves, for any method: 404, or 400 when a
 * segment is malformed. It serves nothing, so it needs no caller. Used by
 * the /api/v1 catch-all route, and by proxy.ts for paths Next's router
 * cannot decode (it fails on them with a bare 500 before any handler runs).
 */
export const answerUnroutable = wrap('unknown', () => NO_CALLER, (req) => {
  const path = new URL(req.url).pathname;
  throw new ApiProblem(404, 'not_found', `no API route serves ${req.method} ${path.slice(0, 200)}`);
});

function wrap(name: string, policyOf: () => RoutePolicy, handler: Handler) {
  return async (req: Request, route?: RouteParams): Promise<Response> => {
    const started = performance.now();
    const incoming = req.headers.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const runtime = getAppRuntime();
    const logger = runtime.logger.child({ requestId, route: name });
    const { pathname } = new URL(req.url);
    const policy = policyOf();
    let response: Response;
    let caller: Caller | undefined;
    const audit: AuditNote = {};
    try {
      const bad = malformedPathSegment(pathname);
      if (bad !== undefined) throw new ApiProblem(400, 'bad_path', badPathMessage(bad));
      const cfg = runtime.access.current();
      const auth = await authorize(policy, req, cfg, (c) => (caller = c));
      const params = route ? await route.params : {};
      response = await handler(req, { app: runtime, requestId, logger, params, scope: auth.scope, principal: caller?.principal, access: caller?.access, accessConfig: cfg, audit });
    } catch (err) {
      response = errorResponse(err, requestId, logger, policy.page);
    }
    response = withSecurityHeaders(response);
    response.headers.set('x-request-id', requestId);
    const line = { ...auditFields(req, caller, audit), method: req.method, status: response.status, ms: Math.round(performance.now() - started) };
    logger.info(line, 'request');
    recordRequest(runtime.audit, name, requestId, line);
    return response;
  };
}

function errorResponse(thrown: unknown, requestId: string, logger: Logger, page: boolean): Response {
  const err = thrown instanceof Refusal ? problemOf(thrown) : thrown;
  if (err instanceof ApiProblem) {
    if (page) return htmlErrorResponse(err.status, err.status === 404 ? 'Not found' : 'This share link cannot be opened', err.message, err.headers);
    const body: ApiError = { error: { code: err.code, message: err.message, issues: err.issues }, requestId };
    return jsonResponse(body, err.status, err.headers);
  }
  logger.error({ err }, 'unhandled error in route handler');
  const message = 'internal error; see the server log for this request id';
  if (page) return htmlErrorResponse(500, 'Something went wrong', `${message} (${requestId})`);
  const body: ApiError = { error: { code: 'internal', message }, requestId };
  return jsonResponse(body, 500);
}
