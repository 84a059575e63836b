import 'server-only';
import type { Logger } from '@/server/log/logger';
import { AUDIT_ACTIONS, type AccessRecordStore, type AuditEventInput, type AuditTrailStatus } from './access-records';
import { redactCredentials } from './database-url';

/** How the audit writer batches, bounds its queue, retries and prunes. */
export interface AuditWriterOptions {
  /** Longest wait before queued rows are written (default 1000 ms). */
  flushMs?: number;
  /** Rows per append (default 500); a full batch is written at once. */
  batchSize?: number;
  /** Rows kept while the store is slow or down (default 10 000); the oldest beyond are dropped and counted. */
  maxQueued?: number;
  /** Rows older than this many days are pruned every pruneEveryMs; none when undefined. */
  retentionDays?: number;
  /** Default 10 minutes. */
  pruneEveryMs?: number;
  /** First retry delay after a failure (default 1000 ms); it doubles up to retryMaxMs (default and ceiling 30 s). */
  retryMinMs?: number;
  retryMaxMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
}

/** What the audit writer is doing, shown beside the trail it answers. */
export type AuditWriterStatus = AuditTrailStatus & { state: 'ok' | 'down' };

/** Rows dropped since the last good write: written as one `audit.gap` row when the store takes rows again. */
interface Lost {
  count: number;
  from: string;
  to: string;
}

const MAX_RETRY_MS = 30_000;

function messageOf(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return redactCredentials(m || 'unknown error').slice(0, 500);
}

function merge(a: Lost | undefined, b: Lost): Lost {
  if (!a) return b;
  return { count: a.count + b.count, from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to };
}

/**
 * Writes audit rows in the background: `record` only queues, so a request
 * never waits on (or fails with) the database. Batches go out every flushMs
 * or when full, one at a time, in order. While the store fails the rows stay
 * queued (at most maxQueued, oldest dropped) and writes are retried with a
 * doubling delay; dropped rows leave an `audit.gap` row saying how many and
 * when. The writer does not own the store: `open` gives the shared one.
 */
export class AuditWriter {
  private readonly o: Required<Omit<AuditWriterOptions, 'retentionDays' | 'logger'>> & Pick<AuditWriterOptions, 'retentionDays' | 'logger'>;
  private queue: AuditEventInput[] = [];
  private inflight = 0;
  private lost?: Lost;
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
    private readonly open: () => Promise<AccessRecordStore>,
    opts: AuditWriterOptions = {},
  ) {
    this.o = { flushMs: 1_000, batchSize: 500, maxQueued: 10_000, pruneEveryMs: 600_000, retryMinMs: 1_000, now: () => new Date(), ...opts, retryMaxMs: Math.min(opts.retryMaxMs ?? MAX_RETRY_MS, MAX_RETRY_MS) };
    if (this.o.retentionDays !== undefined) this.pruneTimer = setInterval(() => void this.enqueue(() => this.prune()), this.o.pruneEveryMs).unref();
  }

  /** Queues one row; returns at once and never throws. A row whose `at` is not a time is dropped (and counted). */
  record(event: AuditEventInput): void {
    if (this.stopping || typeof event?.at !== 'string' || Number.isNaN(Date.parse(event.at))) {
      this.dropped++;
      return;
    }
    this.queue.push(event);
    this.trim();
    if (this.failures > 0) return; // down: the retry timer decides when to try again
    if (this.queue.length >= this.o.batchSize) this.kick();
    else
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = undefined;
        if (this.failures === 0) this.kick();
      }, this.o.flushMs).unref();
  }

  status(): AuditWriterStatus {
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

  /** Writes what is queued once more and stops the timers; later rows are dropped. The store stays open. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearTimeout(this.flushTimer);
      clearTimeout(this.retryTimer);
      clearInterval(this.pruneTimer);
      await this.flush();
      const left = this.queue.length;
      if (left > 0) {
        this.dropped += left;
        this.queue = [];
        this.o.logger?.warn({ dropped: left }, 'audit rows not written at shutdown: the store could not be reached');
      }
    })();
    return this.stopping;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err: unknown) => this.o.logger?.error({ err: messageOf(err) }, 'audit writer step failed'));
    return this.chain;
  }

  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    void this.enqueue(async () => {
      this.kicked = false;
      await this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 || this.lost) {
      const batch = this.queue.splice(0, this.o.batchSize);
      const lost = this.lost;
      this.lost = undefined;
      this.inflight = batch.length;
      const gap: AuditEventInput[] = lost
        ? [{ at: this.o.now().toISOString(), principal: 'meshglass', action: AUDIT_ACTIONS.gap, subject: 'audit', detail: { dropped: lost.count, from: lost.from, to: lost.to, reason: this.lastError ?? 'the audit queue was full' } }]
        : [];
      try {
        const store = await this.open();
        await store.appendAudit([...gap, ...batch]);
        this.written += batch.length;
        this.inflight = 0;
        if (this.failures > 0) this.o.logger?.info({ written: batch.length }, 'audit store writable again');
        this.failures = 0;
        this.lastError = undefined;
      } catch (err) {
        this.queue.unshift(...batch);
        this.inflight = 0;
        if (lost) this.lost = merge(this.lost, lost);
        this.trim();
        this.failed(err);
        return;
      }
    }
  }

  private failed(err: unknown): void {
    this.lastError = messageOf(err);
    if (this.failures++ === 0) this.o.logger?.error({ err: this.lastError, queued: this.queue.length }, 'audit store failed; audit rows are queued until it is back');
    if (this.stopping || this.retryTimer) return;
    const delay = Math.min(this.o.retryMaxMs, this.o.retryMinMs * 2 ** Math.min(this.failures - 1, 16)) * (0.8 + 0.2 * Math.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, delay).unref();
  }

  /** Drops the oldest rows past maxQueued, remembering how many and when for the gap row. */
  private trim(): void {
    const over = Math.min(this.queue.length + this.inflight - this.o.maxQueued, this.queue.length);
    if (over <= 0) return;
    const gone = this.queue.splice(0, over);
    this.dropped += over;
    const times = gone.map((e) => new Date(Date.parse(e.at)).toISOString()).sort();
    if (!this.lost) this.o.logger?.warn({ maxQueued: this.o.maxQueued }, 'audit queue full; dropping the oldest rows');
    this.lost = merge(this.lost, { count: over, from: times[0]!, to: times[times.length - 1]! });
  }

  private async prune(): Promise<void> {
    const days = this.o.retentionDays;
    if (days === undefined || this.failures > 0 || this.stopping) return;
    try {
      const store = await this.open();
      const n = await store.prune(new Date(this.o.now().getTime() - days * 86_400_000));
      if (n > 0) this.o.logger?.info({ pruned: n }, 'audit trail pruned');
    } catch (err) {
      this.o.logger?.warn({ err: messageOf(err) }, 'audit prune failed');
    }
  }
}
