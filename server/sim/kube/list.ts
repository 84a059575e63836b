/** LIST with resourceVersion, label/field selectors and limit/continue pagination. */
import type { ServerResponse } from 'node:http';
import { badRequest, expired } from './errors';
import { objectKey } from './object-utils';
import { selectorMatcher } from './selectors';
import { sendJson } from './status';
import type { ResourceRequest, ServerContext } from './context';
import type { KubeObject } from './types';

interface ContinueToken {
  /** resourceVersion of the list snapshot the pages come from. */
  rv: number;
  /** Key (namespace/name) of the last object already returned. */
  start: string;
}

const encodeContinue = (t: ContinueToken): string => Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...t })).toString('base64url');

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    if (typeof t.rv === 'number' && typeof t.start === 'string') return { rv: t.rv, start: t.start };
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

const TOO_OLD_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

/** The objects of a LIST (selectors applied) and the resourceVersion they reflect; also used to start watches. */
export function snapshot(ctx: ServerContext, req: ResourceRequest, atRv?: number): { items: KubeObject[]; rv: number } {
  const { store } = ctx;
  const ns = req.type.namespaced ? req.namespace : undefined;
  const all = atRv === undefined ? store.list(req.apiVersion, req.type.kind, ns) : store.listAt(req.apiVersion, req.type.kind, ns, atRv);
  if (!all) throw expired(TOO_OLD_CONTINUE);
  const match = selectorMatcher(req.query);
  return { items: all.filter(match), rv: atRv ?? store.resourceVersion };
}

/** Answers a LIST request. */
export function handleList(ctx: ServerContext, req: ResourceRequest, res: ServerResponse): void {
  const cont = req.query.get('continue');
  const limitRaw = req.query.get('limit');
  const limit = limitRaw ? Number(limitRaw) : 0;
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${limitRaw}`);
  const token = cont ? decodeContinue(cont) : undefined;
  // resourceVersionMatch=Exact asks for that exact snapshot (410 once compacted); otherwise the current state satisfies NotOlderThan.
  const exact = req.query.get('resourceVersionMatch') === 'Exact' ? Number(req.query.get('resourceVersion')) : undefined;
  if (exact !== undefined && !Number.isInteger(exact)) throw badRequest('resourceVersionMatch=Exact needs a resourceVersion');
  const { items, rv } = snapshot(ctx, req, token?.rv ?? exact);
  const from = token ? items.findIndex((o) => objectKey(o.metadata.namespace, o.metadata.name) > token.start) : 0;
  const rest = from < 0 ? [] : items.slice(from);
  const page = limit > 0 ? rest.slice(0, limit) : rest;
  const more = rest.length > page.length;
  const last = page[page.length - 1];
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (more && last) {
    metadata.continue = encodeContinue({ rv, start: objectKey(last.metadata.namespace, last.metadata.name) });
    metadata.remainingItemCount = rest.length - page.length;
  }
  sendJson(res, 200, { kind: `${req.type.kind}List`, apiVersion: req.apiVersion, metadata, items: page });
}
