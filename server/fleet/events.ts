import 'server-only';
import type { FleetChange } from '@/lib/fleet/events';
import type { FleetModel } from './model';
import { allows, allowsNamespaceSomewhere, type VisibilityScope } from './scope';

/** Keys whose second segment is a cluster ('clusters/c', 'config/c/...', 'workloads/c/...'). */
const CLUSTER_KEYED = new Set(['clusters', 'config', 'workloads', 'controlplanes', 'proxies', 'namespaces']);

/**
 * The keys of a change the scope may hear about. Cluster-keyed keys follow
 * `allows`; global service keys (`services/<ns>/<name>`) need the namespace
 * in some workspace; identity keys carry global names that may lie outside
 * the view, so scoped callers get the bare `identities` prefix instead.
 */
export function visibleKeys(scope: VisibilityScope, keys: string[]): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const [kind, second, third] = k.split('/');
    if (kind && CLUSTER_KEYED.has(kind) && second) {
      if (allows(scope, second, kind === 'clusters' || kind === 'controlplanes' ? undefined : third)) out.add(k);
    } else if (kind === 'services' && second && scope.kind !== 'all') {
      if (allowsNamespaceSomewhere(scope, second)) out.add(k);
    } else if (kind === 'identities' && scope.kind !== 'all') {
      out.add('identities');
    } else out.add(k);
  }
  return [...out];
}

/** One SSE message. */
export function sseMessage(change: FleetChange, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}id: ${change.revision}\ndata: ${JSON.stringify(change)}\n\n`;
}

export interface EventStreamOptions {
  /** Value of the Last-Event-ID header (a revision), when the client resumes. */
  lastEventId?: string | null;
  heartbeatMs?: number;
  signal?: AbortSignal;
}

/**
 * The /api/v1/events stream: a `hello` (or, when resuming, the missed
 * changes, or a `reset` when they are no longer held), then one message per
 * change with id = fleet revision, and a comment line as heartbeat.
 */
export function fleetEventStream(model: FleetModel, scope: VisibilityScope, opts: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          cleanup();
        }
      };
      const emit = (c: FleetChange) => {
        const keys = visibleKeys(scope, c.keys);
        if (keys.length) send(sseMessage({ revision: c.revision, keys }));
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
  });
}
