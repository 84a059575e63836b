import 'server-only';
import type { Logger } from '@/server/log/logger';
import { redactCredentials } from './database-url';
import type { ChangeInput, ChangeStore, HistoryGap } from './types';

/** How the writer batches, bounds its queue, retries and prunes. */
export interface HistoryWriterOptions {
  /** Longest wait before queued entries are written (default 1000 ms). */
  flushMs?: number;
  /** Entries per append (default 500); a full batch is written at once. */
  batchSize?: number;
  /** Entries kept while the store is slow or down (default 50 000); the oldest beyond are dropped. */
  maxQueued?: number;
  /** Entries older than `days`, then the oldest past `maxBytes`, are pruned every pruneEveryMs; none when undefined. */
  retention?: { days: number; maxBytes?: number };
  /** Default 10 minutes. */
  pruneEveryMs?: number;
  /** First retry delay after a failure (default 1000 ms); it doubles up to retryMaxMs. */
  retryMinMs?: number;
  /** Default and ceiling 30 s. */
  retryMaxMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
}

/** What the writer is doing, for /healthz and the history page's banner. */
export interface HistoryWriterStatus {
  state: 'ok' | 'down';
  /** While down: since when changes are not being recorded, and why. */
  openGap?: HistoryGap;
  written: number;
  dropped: number;
  queued: number;
  lastError?: string;
}

const MAX_RETRY_MS = 30_000;

function messageOf(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return redactCredentials(m || (err as { code?: string })?.code || 'unknown error').slice(0, 500);
}

/**
 * Writes the recorder's changes to a ChangeStore in the background: batched,
 * in order, one batch at a time. `record` never blocks or throws. When the
 * store fails the writer is `down` with an open gap from the first unwritten
 * entry, keeps at most maxQueued entries, retries with backoff, and on
 * recovery records the gap, closed, in the store. Given a function, it opens
 * the store itself and opens it anew after a failure (a restarted server
 * needs its schema again).
 */
export class HistoryWriter {
  private store?: ChangeStore;
  private readonly open?: () => Promise<ChangeStore>;
  private readonly o: Required<Omit<HistoryWriterOptions, 'retention' | 'logger'>> & Pick<HistoryWriterOptions, 'retention' | 'logger'>;
  private queue: ChangeInput[] = [];
  private inflight = 0;
  private gap?: HistoryGap;
  /** Closed gaps (entries dropped while the store was up) to record with the next write. */
  private lostWhileUp: HistoryGap[] = [];
  private written = 0;
  private dropped = 0;
  private lastError?: string;
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private drainQueued = false;
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private readonly pruneTimer?: NodeJS.Timeout;
  private stopping?: Promise<void>;

  constructor(store: ChangeStore | (() => Promise<ChangeStore>), opts: HistoryWriterOptions = {}) {
    if (typeof store === 'function') this.open = store;
    else this.store = store;
    this.o = {
      flushMs: 1_000,
      batchSize: 500,
      maxQueued: 50_000,
      pruneEveryMs: 600_000,
      retryMinMs: 1_000,
      now: () => new Date(),
      ...opts,
      retryMaxMs: Math.min(opts.retryMaxMs ?? MAX_RETRY_MS, MAX_RETRY_MS),
    };
    if (this.o.retention) this.pruneTimer = setInterval(() => void this.enqueue(() => this.prune()), this.o.pruneEveryMs).unref();
  }

  /** Queues changes for writing; returns at once. Entries whose `at` is not a time are dropped (and counted). */
  record(inputs: readonly ChangeInput[]): void {
    if (this.stopping) {
      this.dropped += inputs.length;
      return;
    }
    for (const e of inputs) {
      if (typeof e?.at === 'string' && !Number.isNaN(Date.parse(e.at))) this.queue.push(e);
      else this.dropped++;
    }
    this.trim();
    if (this.gap) return; // down: the retry timer decides when to try again
    if (this.queue.length >= this.o.batchSize) this.kick();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        if (!this.gap) this.kick();
      }, this.o.flushMs).unref();
    }
  }

  status(): HistoryWriterStatus {
    return {
      state: this.gap ? 'down' : 'ok',
      ...(this.gap ? { openGap: { ...this.gap } } : {}),
      written: this.written,
      dropped: this.dropped,
      queued: this.queue.length + this.inflight,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Writes what is queued; resolves when written or when a write failed (see status()). Never rejects. */
  flush(): Promise<void> {
    return this.enqueue(() => this.drain());
  }

  /** Flushes once more, stops the timers and closes the store; later records are dropped. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearTimeout(this.flushTimer);
      clearTimeout(this.retryTimer);
      clearInterval(this.pruneTimer);
      await this.flush();
      const store = this.store;
      this.store = undefined;
      await store?.close().catch((err) => this.o.logger?.warn({ err: messageOf(err) }, 'closing the history store failed'));
    })();
    return this.stopping;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err) => this.o.logger?.error({ err: messageOf(err) }, 'history writer step failed'));
    return this.chain;
  }

  private kick(): void {
    if (this.drainQueued) return;
    this.drainQueued = true;
    void this.enqueue(async () => {
      this.drainQueued = false;
      await this.drain();
    });
  }

  private async currentStore(): Promise<ChangeStore> {
    this.store ??= await this.open!();
    return this.store;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 || this.gap || this.lostWhileUp.length > 0) {
      const batch = this.queue.splice(0, this.o.batchSize);
      this.inflight = batch.length;
      try {
        const store = await this.currentStore();
        await store.append(batch);
        this.written += batch.length;
        this.inflight = 0;
        await this.recordGaps(store);
      } catch (err) {
        if (this.inflight > 0) this.queue.unshift(...batch);
        this.inflight = 0;
        this.trim();
        this.failed(err);
        return;
      }
    }
  }

  /** After a good write: the outage's gap, closed now, then any entries lost while up. A failure here is a failure of the store. */
  private async recordGaps(store: ChangeStore): Promise<void> {
    if (this.gap) {
      const closed = { ...this.gap, to: this.o.now().toISOString() };
      await store.recordGap(closed);
      this.gap = undefined;
      this.failures = 0;
      this.lastError = undefined;
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.o.logger?.info({ gap: closed }, 'history store writable again; gap recorded');
    }
    while (this.lostWhileUp[0]) {
      await store.recordGap(this.lostWhileUp[0]);
      this.lostWhileUp.shift();
    }
  }

  private failed(err: unknown): void {
    const reason = messageOf(err);
    this.lastError = reason;
    this.failures++;
    if (!this.gap) {
      const now = this.o.now();
      const first = this.queue[0] ? Date.parse(this.queue[0].at) : now.getTime();
      this.gap = { from: new Date(Math.min(first, now.getTime())).toISOString(), reason: `history store failed: ${reason}` };
      this.o.logger?.error({ err: reason, queued: this.queue.length }, 'history store failed; changes are queued until it is back');
    }
    // An opener's store is opened anew on the next try: the server may have come back empty or elsewhere.
    if (this.open && this.store) {
      const broken = this.store;
      this.store = undefined;
      void broken.close().catch(() => {});
    }
    if (this.stopping || this.retryTimer) return;
    const delay = Math.min(this.o.retryMaxMs, this.o.retryMinMs * 2 ** Math.min(this.failures - 1, 16)) * (0.8 + 0.2 * Math.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, delay).unref();
  }

  /** Drops the oldest entries past maxQueued; lost while up, they become a closed gap of their own. */
  private trim(): void {
    const over = Math.min(this.queue.length + this.inflight - this.o.maxQueued, this.queue.length);
    if (over <= 0) return;
    const lost = this.queue.splice(0, over);
    this.dropped += over;
    if (this.gap) return; // inside the open gap already
    let [min, max] = [Infinity, -Infinity];
    for (const e of lost) {
      const t = Date.parse(e.at);
      [min, max] = [Math.min(min, t), Math.max(max, t)];
    }
    const [from, to] = [new Date(min).toISOString(), new Date(max).toISOString()];
    const last = this.lostWhileUp[this.lostWhileUp.length - 1];
    if (last) last.to = last.to && last.to > to ? last.to : to;
    else {
      this.lostWhileUp.push({ from, to, reason: `history writer queue full (${this.o.maxQueued} entries): changes dropped` });
      this.o.logger?.warn({ maxQueued: this.o.maxQueued }, 'history writer queue full; dropping the oldest changes');
    }
  }

  private async prune(): Promise<void> {
    const r = this.o.retention;
    if (!r || this.gap || this.stopping) return;
    try {
      const store = await this.currentStore();
      const n = await store.prune({ before: new Date(this.o.now().getTime() - r.days * 86_400_000), maxBytes: r.maxBytes });
      if (n > 0) this.o.logger?.info({ pruned: n }, 'history pruned');
    } catch (err) {
      this.o.logger?.warn({ err: messageOf(err) }, 'history prune failed');
    }
  }
}
