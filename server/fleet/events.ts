import 'server-only';
import { changeKeys, parseChangeKey } from '@/lib/fleet/change-keys';
import type { FleetChange } from '@/lib/fleet/events';
import type { FleetModel } from './model';
import { allows, narrowTo, type VisibilityScope } from './scope';
import { scopeKey } from './scoped-rows';

/** The clusters a global service (`<ns>/<name>`) exists in now, Services and ServiceEntries alike. */
export type ServiceClusters = (key: string) => Iterable<string> | undefined;

/** Config and proxy keys are heard only where the caller may read config or proxies: the routes they invalidate refuse the rest. */
function keyScope(scope: VisibilityScope, kind: string): VisibilityScope {
  if (kind === 'config') return narrowTo(scope, 'configSpecs');
  if (kind === 'proxies') return narrowTo(scope, 'proxies');
  return scope;
}

/**
 * The keys of a change the scope may hear about. Cluster-keyed keys follow
 * `allows` (config and proxies with the capability their routes need);
 * a global service key (`services/<ns>/<name>`) needs the service in a
 * cluster the scope sees: a service that exists nowhere any more (deleted)
 * becomes the bare `services` prefix, naming nothing. Identity keys carry
 * global names that may lie outside the view, so scoped callers get the
 * bare `identities` prefix instead.
 */
export function visibleKeys(scope: VisibilityScope, keys: string[], serviceClusters: ServiceClusters = () => undefined): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const key = parseChangeKey(k);
    if (key.kind === 'services' && key.namespace !== undefined && scope.kind !== 'all') {
      const where = key.name === undefined ? [] : [...(serviceClusters(`${key.namespace}/${key.name}`) ?? [])];
      if (where.some((c) => allows(scope, c, key.namespace))) out.add(k);
      else if (where.length === 0) out.add(changeKeys.services);
    } else if (key.kind === 'identities' && scope.kind !== 'all') {
      out.add(changeKeys.identities);
    } else if ('cluster' in key && key.cluster) {
      // A key without a namespace (a cluster, a collapsed prefix, a cluster-scoped object) is the cluster's own visibility.
      const namespace = 'namespace' in key ? key.namespace : undefined;
      if (allows(keyScope(scope, key.kind), key.cluster, namespace)) out.add(k);
    } else out.add(k);
  }
  return [...out];
}

/** One SSE message. */
export function sseMessage(change: FleetChange, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}id: ${change.revision}\ndata: ${JSON.stringify(change)}\n\n`;
}

const encoder = new TextEncoder();

/**
 * The encoded message of one change per visibility (scopeKey), shared by
 * every stream: the feed hands the same change object to all its
 * subscribers in turn, so one change's worth of entries is kept and dropped
 * when the next change arrives. null: the scope sees none of the keys.
 */
class ChangeMessages {
  private change?: FleetChange;
  private readonly byScope = new Map<string, Uint8Array | null>();

  get(c: FleetChange, scope: VisibilityScope, key: string, serviceClusters: ServiceClusters): Uint8Array | null {
    if (this.change !== c) {
      this.change = c;
      this.byScope.clear();
    }
    let m = this.byScope.get(key);
    if (m === undefined) {
      const keys = visibleKeys(scope, c.keys, serviceClusters);
      m = keys.length ? encoder.encode(sseMessage({ revision: c.revision, keys })) : null;
      this.byScope.set(key, m);
    }
    return m;
  }
}

/** Module-wide: changes of different models are different objects, so they never share an entry. */
const messages = new ChangeMessages();

export interface EventStreamOptions {
  /** Value of the Last-Event-ID header (a revision), when the client resumes. */
  lastEventId?: string | null;
  heartbeatMs?: number;
  signal?: AbortSignal;
  /** Bytes a reader may fall behind before its stream is closed (it reconnects with Last-Event-ID). */
  maxQueuedBytes?: number;
}

const MAX_QUEUED_BYTES = 4 * 2 ** 20;

/**
 * The /api/v1/events stream: a `hello` (or, when resuming, the missed
 * changes, or a `reset` when they are no longer held), then one message per
 * change with id = fleet revision, and a comment line as heartbeat.
 */
export function fleetEventStream(model: FleetModel, scope: VisibilityScope, opts: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  // Visibility depends on the selectors and on where config and proxies may be read; the scope is fixed for the stream's life.
  const key = [scope, narrowTo(scope, 'configSpecs'), narrowTo(scope, 'proxies')].map(scopeKey).join('|');
  const serviceClusters: ServiceClusters = (k) => [...(model.services.get(k) ?? []), ...(model.serviceEntries.get(k) ?? [])];
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const enqueue = (bytes: Uint8Array) => {
        if (closed) return;
        // A reader that stopped reading would otherwise hold every later change in memory.
        if ((controller.desiredSize ?? 0) < -(opts.maxQueuedBytes ?? MAX_QUEUED_BYTES)) return cleanup();
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      const send = (text: string) => enqueue(encoder.encode(text));
      // Per stream and change only a lookup and an enqueue; the bytes are shared (nothing downstream writes to them).
      const emit = (c: FleetChange) => {
        const bytes = messages.get(c, scope, key, serviceClusters);
        if (bytes) enqueue(bytes);
      };
      send('retry: 2000\n\n');
      const last = opts.lastEventId != null && /^\d+$/.test(opts.lastEventId) ? Number(opts.lastEventId) : undefined;
      const missed = last === undefined ? undefined : model.feed.since(last);
      if (last === undefined) send(sseMessage({ revision: model.revision, keys: [] }, 'hello'));
      else if (!missed) send(sseMessage({ revision: model.revision, keys: [] }, 'reset'));
      else missed.forEach(emit);
      const unsubscribe = model.feed.subscribe(emit);
      const heartbeat = setInterval(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), opts.heartbeatMs ?? 15_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        opts.signal?.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      opts.signal?.addEventListener('abort', cleanup, { once: true });
    },
    cancel() {
      cleanup();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 0 }));
}
