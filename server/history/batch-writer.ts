import 'server-only';
import type { Logger } from '@/server/log/logger';
import { redactCredentials } from './database-url';

/** How a BatchWriter batches, bounds its queue, retries and prunes. */
export interface BatchWriterOptions {
  /** Longest wait before queued items are written (default 1000 ms). */
  flushMs?: number;
  /** Items per write (default 500); a full batch is written at once. */
  batchSize?: number;
  /** Items kept while the store is slow or down; the oldest beyond are dropped. */
  maxQueued: number;
  /** How often `prune` runs (default 10 minutes). */
  pruneEveryMs?: number;
  /** First retry delay after a failure (default 1000 ms); it doubles up to retryMaxMs. */
  retryMinMs?: number;
  /** Default and ceiling 30 s. */
  retryMaxMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** What the logs say, in the owner's words. */
  messages: { stepFailed: string; down: string; pruned: string; pruneFailed: string };
}

/** What differs between the writers built on a BatchWriter. */
export interface BatchWriterHooks<T> {
  /** Writes one batch, empty when only `pending` work is left. A throw keeps the batch queued. */
  write(batch: T[]): Promise<void>;
  /** Whether an item may be queued; refused ones are counted as dropped. */
  accepts?(item: T): boolean;
  /** Work besides the queue that a drain should still do (gap rows, say). */
  pending?(): boolean;
  /** After the first good write since a failure, before the writer counts itself up again. A throw is a failure. */
  recovered?(batch: readonly T[]): Promise<void> | void;
  /** After every good write and any recovery. A throw is a failure, but the batch stays written. */
  wrote?(): Promise<void>;
  /** On every failure; `first` when the writer goes down, `oldest` the first unwritten item. */
  failed?(reason: string, first: boolean, oldest: T | undefined): void;
  /** The oldest items, just dropped past maxQueued. */
  dropped?(lost: T[]): void;
  /** Prunes the store, returning how many it removed; runs every pruneEveryMs while up. */
  prune?(): Promise<number>;
  /** Once stop() has flushed. */
  stopped?(): Promise<void> | void;
}

/** The writer's own state, without what its owner adds. */
export interface BatchWriterStatus {
  state: 'ok' | 'down';
  written: number;
  dropped: number;
  queued: number;
  lastError?: string;
}

const MAX_RETRY_MS = 30_000;

/** An error's message for logs and status: credentials redacted, bounded. */
export function errorMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return redactCredentials(m || (err as { code?: string })?.code || 'unknown error').slice(0, 500);
}

/**
 * Writes queued items in the background: batched, in order, one batch at a
 * time on a single promise chain, so `record` never blocks or throws. A
 * failed batch stays queued (at most maxQueued, oldest dropped) and the
 * writer is `down` until a retry, with capped doubling delays, succeeds.
 */
export class BatchWriter<T> {
  private readonly o: Required<Omit<BatchWriterOptions, 'logger'>> & Pick<BatchWriterOptions, 'logger'>;
  private queue: T[] = [];
  private inflight = 0;
  private written = 0;
  private dropped = 0;
  private failures = 0;
  private lastError?: string;
  private chain: Promise<void> = Promise.resolve();
  private kicked = false;
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private readonly pruneTimer?: NodeJS.Timeout;
  private stopping?: Promise<void>;

  constructor(
    private readonly hooks: BatchWriterHooks<T>,
    opts: BatchWriterOptions,
  ) {
    this.o = { flushMs: 1_000, batchSize: 500, pruneEveryMs: 600_000, retryMinMs: 1_000, ...opts, retryMaxMs: Math.min(opts.retryMaxMs ?? MAX_RETRY_MS, MAX_RETRY_MS) };
    if (hooks.prune) this.pruneTimer = setInterval(() => void this.enqueue(() => this.prune()), this.o.pruneEveryMs).unref();
  }

  /** Queues items; returns at once. After stop(), or refused by `accepts`, they are dropped (and counted). */
  record(items: readonly T[]): void {
    if (this.stopping) {
      this.dropped += items.length;
      return;
    }
    const before = this.queue.length;
    for (const item of items) {
      if (this.hooks.accepts?.(item) ?? true) this.queue.push(item);
      else this.dropped++;
    }
    if (this.queue.length === before) return;
    this.trim();
    if (this.failures > 0) return; // down: the retry timer decides when to try again
    if (this.queue.length >= this.o.batchSize) this.kick();
    else
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = undefined;
        if (this.failures === 0) this.kick();
      }, this.o.flushMs).unref();
  }

  status(): BatchWriterStatus {
    return {
      state: this.failures > 0 ? 'down' : 'ok',
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

  /** Stops the timers, flushes once more, then runs `stopped`; later records are dropped. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearTimeout(this.flushTimer);
      clearTimeout(this.retryTimer);
      clearInterval(this.pruneTimer);
      await this.flush();
      await this.hooks.stopped?.();
    })();
    return this.stopping;
  }

  /** Empties the queue, counting what it held as dropped; returns how many. */
  dropQueued(): number {
    const n = this.queue.length;
    this.dropped += n;
    this.queue = [];
    return n;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err: unknown) => this.o.logger?.error({ err: errorMessage(err) }, this.o.messages.stepFailed));
    return this.chain;
  }

  /** Queues one drain, however often it is asked for before that drain starts. */
  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    void this.enqueue(async () => {
      this.kicked = false;
      await this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 || this.hooks.pending?.()) {
      const batch = this.queue.splice(0, this.o.batchSize);
      this.inflight = batch.length;
      try {
        await this.hooks.write(batch);
        this.written += batch.length;
        this.inflight = 0;
        if (this.failures > 0) await this.recover(batch);
        await this.hooks.wrote?.();
      } catch (err) {
        // Only a batch that was not written goes back; a failed `wrote` leaves it written.
        if (this.inflight > 0) this.queue.unshift(...batch);
        this.inflight = 0;
        this.trim();
        this.failed(err);
        return;
      }
    }
  }

  private async recover(batch: readonly T[]): Promise<void> {
    await this.hooks.recovered?.(batch);
    this.failures = 0;
    this.lastError = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private failed(err: unknown): void {
    const reason = errorMessage(err);
    this.lastError = reason;
    const first = this.failures++ === 0;
    this.hooks.failed?.(reason, first, this.queue[0]);
    if (first) this.o.logger?.error({ err: reason, queued: this.queue.length }, this.o.messages.down);
    if (this.stopping || this.retryTimer) return;
    // Jittered, so that writers which failed together do not retry in step.
    const delay = Math.min(this.o.retryMaxMs, this.o.retryMinMs * 2 ** Math.min(this.failures - 1, 16)) * (0.8 + 0.2 * Math.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, delay).unref();
  }

  /** Drops the oldest queued items past maxQueued; what is in flight counts but stays. */
  private trim(): void {
    const over = Math.min(this.queue.length + this.inflight - this.o.maxQueued, this.queue.length);
    if (over <= 0) return;
    const lost = this.queue.splice(0, over);
    this.dropped += over;
    this.hooks.dropped?.(lost);
  }

  private async prune(): Promise<void> {
    if (this.failures > 0 || this.stopping) return;
    try {
      const n = await this.hooks.prune!();
      if (n > 0) this.o.logger?.info({ pruned: n }, this.o.messages.pruned);
    } catch (err) {
      this.o.logger?.warn({ err: errorMessage(err) }, this.o.messages.pruneFailed);
    }
  }
}
