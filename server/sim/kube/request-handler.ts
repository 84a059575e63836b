/** Dispatches one HTTP request: delay fault, authentication, routing, authorisation, handler; every error becomes a Status. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, authorize, type Verb } from './auth';
import { apiVersionOf, builtinTypes } from './builtin-types';
import type { ResourceRequest, ServerContext } from './context';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery';
import { methodNotAllowed, notFound, notFoundPath } from './errors';
import { handleList } from './list';
import { parsePath, type Route } from './routing';
import { jsonOf } from './object-utils';
import { sendError, sendJson, sendJsonBytes } from './status';
import { handleWatch } from './watch';
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleReplace } from './writes';

const BUILTIN_GROUPS = new Set(builtinTypes().map((t) => t.group));

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Handles a request; never throws (errors are answered with a Status, or the stream is closed). */
export async function handleRequest(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (ctx.faults.delayMs > 0) await sleep(ctx.faults.delayMs);
    const url = new URL(req.url ?? '/', 'https://localhost');
    const token = authenticate(req.headers, ctx.opts.tokens, ctx.faults);
    const route = parsePath(url.pathname);
    if (route.kind !== 'resource') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(`the server does not allow this method on the requested resource`);
      if (route.kind === 'health') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('ok');
        return;
      }
      sendJson(res, 200, discoveryDoc(ctx, route));
      return;
    }
    const type = ctx.store.typeByPlural(route.group, route.version, route.plural);
    if (!type) {
      // kube-apiserver hands a custom resource path without its CRD to Go's NotFound handler: plain text, not a Status.
      if (!BUILTIN_GROUPS.has(route.group)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('404 page not found\n');
        return;
      }
      throw notFoundPath();
    }
    const namespace = type.namespaced ? route.namespace : undefined;
    if (!type.namespaced && route.namespace) throw notFoundPath();
    if (route.subresource && !(type.subresources ?? []).includes(route.subresource)) throw notFoundPath();
    if (route.subresource === 'portforward') throw methodNotAllowed('port-forward needs a WebSocket upgrade');
    const rr: ResourceRequest = { type, apiVersion: apiVersionOf(route.group, route.version), namespace, name: route.name, subresource: route.subresource, query: url.searchParams };
    const watch = url.searchParams.get('watch');
    const isWatch = watch === 'true' || watch === '1';
    const verb = verbOf(req.method ?? 'GET', !!route.name, isWatch);
    const resource = route.subresource ? `${type.plural}/${route.subresource}` : type.plural;
    authorize(token, { verb, resource, group: type.group, namespace, name: route.name });
    await dispatch(ctx, rr, verb, req, res);
  } catch (err) {
    sendError(res, err);
  }
}

function verbOf(method: string, named: boolean, watch: boolean): Verb {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      if (named) throw methodNotAllowed('POST is not allowed on a named resource');
      return 'create';
    case 'PUT':
    case 'PATCH':
      if (!named) throw methodNotAllowed(`${method} is not allowed on a collection`);
      return method === 'PUT' ? 'update' : 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      throw methodNotAllowed(`method ${method} is not allowed`);
  }
}

async function dispatch(ctx: ServerContext, rr: ResourceRequest, verb: Verb, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (verb) {
    case 'watch':
      return handleWatch(ctx, rr, req, res);
    case 'list':
      return handleList(ctx, rr, res);
    case 'get': {
      const obj = ctx.store.get(rr.apiVersion, rr.type.kind, rr.namespace, rr.name ?? '');
      if (!obj) throw notFound(rr.type, rr.name ?? '');
      return sendJsonBytes(res, 200, jsonOf(obj));
    }
    case 'create':
      return handleCreate(ctx, rr, req, res);
    case 'update':
      return handleReplace(ctx, rr, req, res);
    case 'patch':
      return handlePatch(ctx, rr, req, res);
    case 'delete':
      return handleDelete(ctx, rr, res);
    case 'deletecollection':
      return handleDeleteCollection(ctx, rr, res);
  }
}

function discoveryDoc(ctx: ServerContext, route: Exclude<Route, { kind: 'resource' }>): unknown {
  const types = ctx.store.types();
  switch (route.kind) {
    case 'version':
      return versionInfo(ctx.opts.gitVersion);
    case 'health':
      return 'ok';
    case 'api':
      return apiVersions(ctx.serverAddress());
    case 'apis':
      return apiGroupList(types);
    case 'group':
      return apiGroup(route.group, types);
    case 'resources':
      return apiResourceList(route.group, route.version, types);
    case 'unknown':
      throw notFoundPath();
  }
}
