/**
 * WATCH: a chunked stream of `{"type":..., "object":...}` lines. Starts from
 * the current state (rv absent or "0"), or replays history after a given rv;
 * an rv older than the history gets an ERROR event with a 410 Status, which
 * client-node's informer answers with a relist.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenWatch, ResourceRequest, ServerContext } from './context';
import { badRequest, expired } from './errors';
import type { HistoryEvent } from './event-history';
import { asApiVersion, jsonOf } from './object-utils';
import { selectorMatcher } from './selectors';
import { snapshot } from './list';
import { statusOf } from './status';
import type { KubeObject } from './types';

// A client that reads slower than we write gets dropped, as the API server drops slow watchers.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type Line = { type: string; object: unknown };
const LINE_END = Buffer.from('}\n');
const CRD_TYPE_KEY = 'apiextensions.k8s.io/CustomResourceDefinition';

/** Serves a watch request until the client leaves, timeoutSeconds passes, or a fault ends it. */
export function handleWatch(ctx: ServerContext, req: ResourceRequest, httpReq: IncomingMessage, res: ServerResponse): void {
  const { store } = ctx;
  const rvParam = req.query.get('resourceVersion');
  const timeoutSeconds = req.query.get('timeoutSeconds');
  const bookmarks = req.query.get('allowWatchBookmarks') === 'true';
  const fromRv = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
  if (fromRv !== undefined && !Number.isInteger(fromRv)) throw badRequest(`invalid resourceVersion: ${rvParam}`);

  const match = selectorMatcher(req.query);
  const tk = `${req.type.group}/${req.type.kind}`;
  const inScope = (o: KubeObject): boolean => !req.type.namespaced || !req.namespace || o.metadata.namespace === req.namespace;
  const matches = (o: KubeObject | undefined): boolean => !!o && inScope(o) && match(o);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = (): void => {};
  const write = (line: Line): void => {
    if (closed) return;
    res.write(JSON.stringify(line) + '\n');
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  // An object event: the stored object's JSON, spliced (byte for byte what JSON.stringify of the line gives).
  const writeObject = (type: string, object: KubeObject): void => {
    if (closed) return;
    res.write(Buffer.concat([Buffer.from(`{"type":"${type}","object":`), jsonOf(object), LINE_END]));
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    timers.forEach(clearTimeout);
    ctx.watches.delete(handle);
    res.end();
  };
  const handle: OpenWatch = {
    end(isExpired) {
      if (isExpired) write({ type: 'ERROR', object: statusOf(expired()) });
      close();
    },
  };
  ctx.watches.add(handle);
  httpReq.on('close', close);
  res.on('close', close);
  res.on('error', close);

  /** A store event as this watcher sees it: selector transitions become ADDED/DELETED. */
  const deliver = (e: HistoryEvent): void => {
    if (e.typeKey !== tk) return;
    const now = matches(e.object);
    const before = matches(e.prev);
    let type: string | undefined;
    if (e.type === 'DELETED') type = now ? 'DELETED' : undefined;
    else if (now) type = before ? 'MODIFIED' : 'ADDED';
    else if (before) type = 'DELETED';
    if (type) writeObject(type, asApiVersion(e.object, req.apiVersion));
  };

  // Replay and subscribe in the same tick, so no event falls between them.
  if (fromRv === undefined) {
    for (const o of snapshot(ctx, req).items) writeObject('ADDED', o);
  } else {
    const missed = store.history.since(fromRv);
    if (!missed) {
      write({ type: 'ERROR', object: statusOf(expired(`too old resource version: ${fromRv} (${store.history.compactedRv + 1})`)) });
      close();
      return;
    }
    missed.forEach(deliver);
  }
  unsubscribe = store.subscribe((e) => {
    const he = e as HistoryEvent;
    // As kube-apiserver does, a deleted CRD ends the watches of its resources (once its types are dropped, later in the same write).
    if (he.type === 'DELETED' && he.typeKey === CRD_TYPE_KEY) setImmediate(() => !store.typeByPlural(req.type.group, req.type.version, req.type.plural) && close());
    deliver(he);
  });

  if (timeoutSeconds && Number(timeoutSeconds) > 0) timers.push(setTimeout(close, Number(timeoutSeconds) * 1000));
  if (bookmarks) {
    const bookmark = (): void =>
      write({ type: 'BOOKMARK', object: { kind: req.type.kind, apiVersion: req.apiVersion, metadata: { resourceVersion: String(store.resourceVersion) } } });
    timers.push(setInterval(bookmark, ctx.bookmarkIntervalMs));
  }
}
