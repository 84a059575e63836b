import 'server-only';
import type { FleetChange } from '@/lib/fleet/events';

/** Above this many keys one event names prefixes instead (clients invalidate by prefix, so this is only coarser). */
const MAX_KEYS = 200;

/** Cuts keys to their first `depth` segments, deduplicated. */
function prefixes(keys: Iterable<string>, depth: number): string[] {
  return [...new Set([...keys].map((k) => k.split('/').slice(0, depth).join('/')))];
}

/** Keeps an event small whatever the size of the change (a relist of 10,000 pods is one event). */
export function collapseKeys(keys: Iterable<string>): string[] {
  let out = [...new Set(keys)];
  for (const depth of [3, 2, 1]) {
    if (out.length <= MAX_KEYS) break;
    out = prefixes(out, depth);
  }
  return out.sort();
}

/**
 * Fleet change events: batches the keys touched in one tick into one event,
 * keeps the last `capacity` events so a client can resume by Last-Event-ID,
 * and fans out to live subscribers.
 */
export class ChangeFeed {
  private readonly ring: FleetChange[] = [];
  private readonly listeners = new Set<(c: FleetChange) => void>();
  private readonly rawListeners = new Set<(c: FleetChange) => void>();
  private pending = new Set<string>();
  private scheduled = false;
  /** Revision below which history has been dropped; resuming from older needs a reset. */
  private floor: number;

  constructor(private readonly currentRevision: () => number, private readonly capacity = 1000) {
    this.floor = currentRevision();
  }

  /** Records touched keys; they go out together on the next tick. */
  touch(keys: Iterable<string>): void {
    for (const k of keys) this.pending.add(k);
    if (this.scheduled || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Publishes pending keys now (tests and shutdown). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const revision = this.currentRevision();
    const raw = this.pending;
    const change: FleetChange = { revision, keys: collapseKeys(raw) };
    this.pending = new Set();
    this.ring.push(change);
    if (this.ring.length > this.capacity) this.floor = this.ring.shift()!.revision;
    const uncollapsed: FleetChange = { revision, keys: raw.size === change.keys.length ? change.keys : [...raw] };
    for (const [set, c] of [[this.rawListeners, uncollapsed], [this.listeners, change]] as const) this.notify(set, c);
  }

  private notify(listeners: Set<(c: FleetChange) => void>, change: FleetChange): void {
    for (const l of listeners) {
      try {
        l(change);
      } catch {
        // A broken subscriber (a closed SSE stream) must not stop the others.
      }
    }
  }

  /** Events after `revision`, or undefined when they are no longer all held (the client must reset). */
  since(revision: number): FleetChange[] | undefined {
    if (revision < this.floor || revision > this.currentRevision()) return undefined;
    return this.ring.filter((c) => c.revision > revision);
  }

  subscribe(listener: (c: FleetChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * In-process subscribers that need every key of a batch (the analysis
   * engine maps keys to clusters; prefixes such as `config` would name none).
   * Not kept in the history.
   */
  subscribeUncollapsed(listener: (c: FleetChange) => void): () => void {
    this.rawListeners.add(listener);
    return () => this.rawListeners.delete(listener);
  }
}
