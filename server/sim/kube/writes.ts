/** POST (create), PUT (replace), PATCH (merge / strategic-merge / JSON / apply) and DELETE, as kubectl sends them. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body';
import type { ResourceRequest, ServerContext } from './context';
import { badRequest, KubeApiError, notFound } from './errors';
import { applyJsonPatch } from './json-patch';
import { mergePatch } from './merge-patch';
import { snapshot } from './list';
import { sendJson } from './status';
import type { KubeObject } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the body is an object of the addressed type and fills apiVersion/kind/namespace from the URL. */
function objectFromBody(req: ResourceRequest, body: unknown): KubeObject {
  if (!isObject(body)) throw badRequest('the body of the request must be a JSON object');
  const obj = body as KubeObject;
  if (obj.kind && obj.kind !== req.type.kind) throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${req.apiVersion}) or kind ${obj.kind} != ${req.type.kind}`);
  const metadata = isObject(obj.metadata) ? { ...obj.metadata } : ({} as KubeObject['metadata']);
  if (req.type.namespaced) {
    if (metadata.namespace && req.namespace && metadata.namespace !== req.namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    metadata.namespace = req.namespace ?? metadata.namespace;
  }
  return { ...obj, apiVersion: req.apiVersion, kind: req.type.kind, metadata };
}

/** PUT/PATCH of the status subresource changes only .status. */
function onlyStatus(current: KubeObject, next: KubeObject): KubeObject {
  return { ...current, status: next.status, metadata: { ...current.metadata, resourceVersion: next.metadata.resourceVersion } };
}

export async function handleCreate(ctx: ServerContext, req: ResourceRequest, httpReq: IncomingMessage, res: ServerResponse): Promise<void> {
  const obj = objectFromBody(req, await readBody(httpReq));
  sendJson(res, 201, ctx.store.create(obj));
}

export async function handleReplace(ctx: ServerContext, req: ResourceRequest, httpReq: IncomingMessage, res: ServerResponse): Promise<void> {
  let obj = objectFromBody(req, await readBody(httpReq));
  const name = req.name ?? '';
  if (obj.metadata.name && obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  obj.metadata.name = name;
  if (req.subresource === 'status') {
    const current = ctx.store.get(req.apiVersion, req.type.kind, req.namespace, name);
    if (!current) throw notFound(req.type, name);
    obj = onlyStatus(current, obj);
  }
  sendJson(res, 200, ctx.store.update(obj));
}

export async function handlePatch(ctx: ServerContext, req: ResourceRequest, httpReq: IncomingMessage, res: ServerResponse): Promise<void> {
  const contentType = (httpReq.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const patch = await readBody(httpReq);
  const name = req.name ?? '';
  const current = ctx.store.get(req.apiVersion, req.type.kind, req.namespace, name);
  if (contentType === 'application/apply-patch+yaml' && !current) {
    // Server-side apply of a new object creates it.
    sendJson(res, 201, ctx.store.create(objectFromBody(req, patch)));
    return;
  }
  if (!current) throw notFound(req.type, name);
  let next: unknown;
  switch (contentType) {
    case 'application/merge-patch+json':
    case 'application/strategic-merge-patch+json': // treated as a merge patch: lists are replaced, not merged by key
    case 'application/apply-patch+yaml':
      next = mergePatch(current, patch);
      break;
    case 'application/json-patch+json':
      next = applyJsonPatch(current, patch);
      break;
    default:
      throw new KubeApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
  }
  let obj = objectFromBody(req, next);
  obj.metadata = { ...obj.metadata, name, namespace: current.metadata.namespace };
  if (req.subresource === 'status') obj = onlyStatus(current, obj);
  sendJson(res, 200, ctx.store.update(obj));
}

const deletedStatus = (req: ResourceRequest, obj: KubeObject): Record<string, unknown> => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  details: { name: obj.metadata.name, group: req.type.group || undefined, kind: req.type.plural, uid: obj.metadata.uid },
});

/** DELETE of one object: custom resources answer with the object, built-ins with a Success Status. */
export function handleDelete(ctx: ServerContext, req: ResourceRequest, res: ServerResponse): void {
  const name = req.name ?? '';
  const gone = ctx.store.remove(req.apiVersion, req.type.kind, req.namespace, name);
  if (!gone) throw notFound(req.type, name);
  sendJson(res, 200, req.type.schema ? gone : deletedStatus(req, gone));
}

/** DELETE of a collection (honours label/field selectors). */
export function handleDeleteCollection(ctx: ServerContext, req: ResourceRequest, res: ServerResponse): void {
  const { items } = snapshot(ctx, req);
  const gone = items.map((o) => ctx.store.remove(req.apiVersion, req.type.kind, o.metadata.namespace, o.metadata.name)).filter(Boolean);
  sendJson(res, 200, { kind: `${req.type.kind}List`, apiVersion: req.apiVersion, metadata: { resourceVersion: String(ctx.store.resourceVersion) }, items: gone });
}
