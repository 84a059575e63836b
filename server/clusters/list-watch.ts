import 'server-only';
import { backoffDelay, backoffFor, sleep, type BackoffOptions } from './backoff';
import { classifyError, WATCH_EXPIRY_WINDOW_MS, type KindStatus } from './cluster-state';
import { KubeHttpError, type KubeClient } from './kube-client';
import type { ListGate } from './list-gate';
import { collectionPath, recordKey, type AnyRecord, type KindSpec } from './kinds';

/** Where a ListWatch delivers what it reads. */
export interface ListWatchSink {
  replace(spec: KindSpec, records: Map<string, AnyRecord>): void;
  set(spec: KindSpec, key: string, record: AnyRecord | undefined): void;
  /** Every record of the kind goes: the server no longer serves it (404) or lets us read it (403). */
  drop(spec: KindSpec): void;
  /** The kind's synced/failure changed (its freshness is read live from `status`). */
  statusChanged(): void;
}

export interface ListWatchOptions {
  staleAfterMs: number;
  backoff: BackoffOptions;
  pageSize?: number;
  /** How long past the server-side watch time-out a silent watch is given before the watchdog ends it (default 10 s). */
  watchdogGraceMs?: number;
  /** Fleet-wide cap on LISTs in flight: the first list and lists after a failure wait for a slot; a relist after 410 Gone does not. */
  gate?: ListGate;
}

const GONE = Symbol('gone');
/** A silent watch may be a dropped connection, not lost history: resume from its resourceVersion this many times before relisting. */
const SILENT_RESUMES = 3;

/** The client-side watchdog ended a watch that stayed silent past its time-out. */
class SilentWatch extends Error {
  constructor(
    message: string,
    readonly resumeFrom: string,
  ) {
    super(message);
    (this as { code?: string }).code = 'ETIMEDOUT';
  }
}

function keyOf(o: unknown): string | undefined {
  const m = (o as { metadata?: { name?: unknown; namespace?: unknown } } | undefined)?.metadata;
  return typeof m?.name === 'string' ? recordKey(typeof m.namespace === 'string' ? m.namespace : undefined, m.name) : undefined;
}

/**
 * List then watch one kind, for as long as it runs: relists on 410 Gone,
 * re-watches when the server ends a watch (timeoutSeconds), and after any
 * other failure backs off with jitter and starts over. Never throws.
 */
export class ListWatch {
  readonly status: KindStatus;
  /** Objects currently skipped (malformed or oversized), by key. */
  readonly skipped = new Map<string, { reason: string; oversized: boolean }>();
  private readonly ac = new AbortController();
  private firstDone!: () => void;
  /** Resolves once the first list has succeeded or failed. */
  readonly firstAttempt = new Promise<void>((r) => (this.firstDone = r));

  constructor(private readonly client: KubeClient, readonly spec: KindSpec, private readonly opts: ListWatchOptions, private readonly sink: ListWatchSink) {
    this.status = { kind: spec.kind, synced: false };
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.ac.abort();
  }

  private setFailure(err: unknown): void {
    this.status.failure = classifyError(err);
    this.sink.statusChanged();
  }

  /**
   * 404 (a CRD deleted) or 403 (a token that lost, or never had, the right): what we hold of the kind
   * is not the cluster's any more, possibly read with other credentials. Returns the failure to back off on.
   */
  private setUnreadable(err: unknown): { kind: string } | undefined {
    const notServed = err instanceof KubeHttpError && err.status === 404;
    const failure = notServed ? undefined : classifyError(err);
    if (!notServed && failure?.kind !== 'forbidden') return undefined;
    this.status.notServed = notServed || undefined;
    this.status.failure = failure;
    this.status.synced = false;
    this.skipped.clear();
    // Always: a rebuilt connection's first list may be the one refused, with the old connection's records still held.
    this.sink.drop(this.spec);
    this.sink.statusChanged();
    return failure ?? { kind: 'notServed' };
  }

  private noteExpiry(now: number): void {
    const kept = (this.status.expiredAt ?? []).filter((t) => t > now - WATCH_EXPIRY_WINDOW_MS);
    kept.push(now);
    // Bounded, whatever the server does.
    this.status.expiredAt = kept.slice(-1000);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    // A relist after 410 keeps a live watch current: it must not queue behind other clusters' first syncs.
    let gated = true;
    while (!this.ac.signal.aborted) {
      try {
        let rv = await this.list(gated);
        attempt = 0;
        let silent = 0;
        for (;;) {
          const started = Date.now();
          let next: string | typeof GONE;
          try {
            next = await this.watch(rv);
            silent = 0;
          } catch (err) {
            // A full relist per late bookmark would multiply LIST load across a large fleet: resume the watch instead.
            if (!(err instanceof SilentWatch) || ++silent > SILENT_RESUMES) throw err;
            this.setFailure(err);
            next = err.resumeFrom;
          }
          if (next === GONE) {
            this.noteExpiry(Date.now());
            gated = false;
            break;
          }
          // A server that ends watches at once would make us spin: pause a little.
          if (Date.now() - started < 500) await sleep(500, this.ac.signal);
          if (this.ac.signal.aborted) return;
          rv = next;
        }
      } catch (err) {
        // stop() aborts the request in flight: that is not a failure.
        if (this.ac.signal.aborted) return;
        gated = true;
        const unreadable = this.setUnreadable(err);
        if (!unreadable) this.setFailure(err);
        this.firstDone();
        // The failure stays on the status through the wait and the retry: the state never flaps back to connecting.
        await sleep(backoffDelay(attempt++, backoffFor(unreadable ?? this.status.failure, this.opts.backoff)), this.ac.signal);
      }
    }
  }

  private query(extra: Record<string, string>): string {
    const p = new URLSearchParams(extra);
    if (this.spec.fieldSelector) p.set('fieldSelector', this.spec.fieldSelector);
    if (this.spec.labelSelector) p.set('labelSelector', this.spec.labelSelector);
    return `${collectionPath(this.spec)}?${p.toString()}`;
  }

  private ingest(o: unknown, records: Map<string, AnyRecord> | undefined): void {
    const key = keyOf(o);
    const r = this.spec.slim(o);
    if (r.ok) {
      const k = key!;
      this.skipped.delete(k);
      if (records) records.set(k, r.record);
      else this.sink.set(this.spec, k, r.record);
      return;
    }
    this.skipped.set(key ?? `(unnamed #${this.skipped.size})`, { reason: `${this.spec.kind} ${key ?? '(no name)'}: ${r.reason}`, oversized: r.oversized === true });
    // An object that turned malformed must not linger in its old shape.
    if (key && !records) this.sink.set(this.spec, key, undefined);
  }

  private async list(gated: boolean): Promise<string> {
    // The slot covers the pages only; every page has its time-out and the gate its own hold limit.
    const release = gated ? await this.opts.gate?.acquire(this.ac.signal) : undefined;
    try {
      return await this.listPages();
    } finally {
      release?.();
    }
  }

  private async listPages(): Promise<string> {
    const limit = String(this.opts.pageSize ?? 500);
    for (let restarts = 0; ; restarts++) {
      const records = new Map<string, AnyRecord>();
      this.skipped.clear();
      let cont: string | undefined;
      let rv: string | undefined;
      try {
        do {
          const page = (await this.client.getJson(this.query(cont ? { limit, continue: cont } : { limit }), this.ac.signal)) as { items?: unknown; metadata?: { resourceVersion?: unknown; continue?: unknown } };
          if (!Array.isArray(page?.items)) throw new Error(`list of ${this.spec.kind} has no items`);
          rv ??= typeof page.metadata?.resourceVersion === 'string' ? page.metadata.resourceVersion : undefined;
          for (const o of page.items) this.ingest(o, records);
          cont = typeof page.metadata?.continue === 'string' && page.metadata.continue ? page.metadata.continue : undefined;
        } while (cont);
      } catch (err) {
        // The snapshot behind a continue token expired: start the list again.
        if (err instanceof KubeHttpError && err.status === 410 && restarts < 3) continue;
        throw err;
      }
      this.sink.replace(this.spec, records);
      this.status.synced = true;
      this.status.failure = undefined;
      this.status.notServed = undefined;
      this.status.lastSeenAt = Date.now();
      this.sink.statusChanged();
      this.firstDone();
      return rv ?? '0';
    }
  }

  /** One watch request; returns the resourceVersion to continue from, or GONE to relist. */
  private async watch(rv: string): Promise<string | typeof GONE> {
    const lifetime = Math.max(2, Math.min(300, Math.floor(this.opts.staleAfterMs / 2000)));
    const inner = new AbortController();
    const onStop = () => inner.abort();
    this.ac.signal.addEventListener('abort', onStop, { once: true });
    // Client-side watchdog: a watch silent past its own time-out is dead, whatever the server thinks.
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      const limitMs = lifetime * 1000 + (this.opts.watchdogGraceMs ?? 10_000);
      watchdog = setTimeout(() => inner.abort(new Error(`watch of ${this.spec.kind} silent for ${Math.round(limitMs / 1000)}s`)), limitMs);
    };
    let result: string | typeof GONE = rv;
    let failure: unknown;
    arm();
    try {
      await this.client.stream(
        this.query({ watch: 'true', resourceVersion: rv, allowWatchBookmarks: 'true', timeoutSeconds: String(lifetime) }),
        () => {
          this.status.lastSeenAt = Date.now();
          if (this.status.failure) {
            this.status.failure = undefined;
            this.sink.statusChanged();
          }
        },
        (line) => {
          if (result === GONE || failure) return;
          arm();
          this.status.lastSeenAt = Date.now();
          let ev: { type?: unknown; object?: { code?: unknown; message?: unknown; metadata?: { resourceVersion?: unknown } } };
          try {
            ev = JSON.parse(line);
          } catch {
            return;
          }
          const objRv = ev.object?.metadata?.resourceVersion;
          if (ev.type === 'ERROR') {
            const code = typeof ev.object?.code === 'number' ? ev.object.code : 500;
            if (code === 410) result = GONE;
            else failure = new KubeHttpError(code, String(ev.object?.message ?? 'watch error'));
            inner.abort();
            return;
          }
          if (typeof objRv === 'string') result = objRv;
          if (ev.type === 'ADDED' || ev.type === 'MODIFIED') this.ingest(ev.object, undefined);
          else if (ev.type === 'DELETED') {
            const key = keyOf(ev.object);
            if (key) {
              this.skipped.delete(key);
              this.sink.set(this.spec, key, undefined);
            }
          }
        },
        inner.signal,
      );
    } catch (err) {
      if ((result as string | typeof GONE) !== GONE && !failure && !this.ac.signal.aborted) {
        const silent = inner.signal.aborted && inner.signal.reason instanceof Error;
        failure = silent ? new SilentWatch((inner.signal.reason as Error).message, result as string) : err;
      }
    } finally {
      clearTimeout(watchdog);
      this.ac.signal.removeEventListener('abort', onStop);
    }
    if (failure) throw failure;
    return result;
  }
}
