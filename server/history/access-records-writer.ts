import 'server-only';
import type { Logger } from '@/server/log/logger';
import { AUDIT_ACTIONS, type AccessRecordStore, type AuditEventInput, type AuditTrailStatus } from './access-records';
import { BatchWriter } from './batch-writer';

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
  private readonly o: AuditWriterOptions & { maxQueued: number; now: () => Date };
  private readonly batches: BatchWriter<AuditEventInput>;
  private lost?: Lost;

  constructor(
    private readonly open: () => Promise<AccessRecordStore>,
    opts: AuditWriterOptions = {},
  ) {
    this.o = { maxQueued: 10_000, now: () => new Date(), ...opts };
    const days = this.o.retentionDays;
    this.batches = new BatchWriter<AuditEventInput>(
      {
        write: (batch) => this.write(batch),
        accepts: (e) => typeof e?.at === 'string' && !Number.isNaN(Date.parse(e.at)),
        pending: () => this.lost !== undefined,
        recovered: (batch) => this.o.logger?.info({ written: batch.length }, 'audit store writable again'),
        dropped: (gone) => this.droppedRows(gone),
        ...(days !== undefined && { prune: async () => (await this.open()).prune(new Date(this.o.now().getTime() - days * 86_400_000)) }),
        stopped: () => this.dropUnwritten(),
      },
      {
        ...this.o,
        messages: { stepFailed: 'audit writer step failed', down: 'audit store failed; audit rows are queued until it is back', pruned: 'audit trail pruned', pruneFailed: 'audit prune failed' },
      },
    );
  }

  /** Queues one row; returns at once and never throws. A row whose `at` is not a time is dropped (and counted). */
  record(event: AuditEventInput): void {
    this.batches.record([event]);
  }

  status(): AuditWriterStatus {
    return this.batches.status();
  }

  /** Writes what is queued; resolves when written or when a write failed (see status()). Never rejects. */
  flush(): Promise<void> {
    return this.batches.flush();
  }

  /** Writes what is queued once more and stops the timers; later rows are dropped. The store stays open. */
  stop(): Promise<void> {
    return this.batches.stop();
  }

  /** One batch, after an `audit.gap` row for the rows dropped since the last good write; on failure that count is kept. */
  private async write(batch: AuditEventInput[]): Promise<void> {
    const lost = this.lost;
    this.lost = undefined;
    const gap: AuditEventInput[] = lost
      ? [{ at: this.o.now().toISOString(), principal: 'meshglass', action: AUDIT_ACTIONS.gap, subject: 'audit', detail: { dropped: lost.count, from: lost.from, to: lost.to, reason: this.batches.status().lastError ?? 'the audit queue was full' } }]
      : [];
    try {
      const store = await this.open();
      await store.appendAudit([...gap, ...batch]);
    } catch (err) {
      if (lost) this.lost = merge(this.lost, lost);
      throw err;
    }
  }

  /** The oldest rows, dropped past maxQueued: how many and when, for the gap row. */
  private droppedRows(gone: readonly AuditEventInput[]): void {
    const times = gone.map((e) => new Date(Date.parse(e.at)).toISOString()).sort();
    if (!this.lost) this.o.logger?.warn({ maxQueued: this.o.maxQueued }, 'audit queue full; dropping the oldest rows');
    this.lost = merge(this.lost, { count: gone.length, from: times[0]!, to: times[times.length - 1]! });
  }

  private dropUnwritten(): void {
    const left = this.batches.dropQueued();
    if (left > 0) this.o.logger?.warn({ dropped: left }, 'audit rows not written at shutdown: the store could not be reached');
  }
}
