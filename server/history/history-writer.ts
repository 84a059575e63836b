import 'server-only';
import type { Logger } from '@/server/log/logger';
import { BatchWriter, errorMessage } from './batch-writer';
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
  private readonly o: HistoryWriterOptions & { maxQueued: number; now: () => Date };
  private readonly batches: BatchWriter<ChangeInput>;
  private gap?: HistoryGap;
  /** Closed gaps (entries dropped while the store was up) to record with the next write. */
  private lostWhileUp: HistoryGap[] = [];

  constructor(store: ChangeStore | (() => Promise<ChangeStore>), opts: HistoryWriterOptions = {}) {
    if (typeof store === 'function') this.open = store;
    else this.store = store;
    this.o = { maxQueued: 50_000, now: () => new Date(), ...opts };
    const retention = this.o.retention;
    this.batches = new BatchWriter<ChangeInput>(
      {
        write: async (batch) => (await this.currentStore()).append(batch),
        accepts: (e) => typeof e?.at === 'string' && !Number.isNaN(Date.parse(e.at)),
        pending: () => !!this.gap || this.lostWhileUp.length > 0,
        recovered: () => this.closeGap(),
        wrote: () => this.recordLostWhileUp(),
        failed: (reason, first, oldest) => this.failed(reason, first, oldest),
        dropped: (lost) => this.droppedWhileUp(lost),
        ...(retention && { prune: () => this.prune(retention) }),
        stopped: () => this.closeStore(),
      },
      {
        ...this.o,
        messages: { stepFailed: 'history writer step failed', down: 'history store failed; changes are queued until it is back', pruned: 'history pruned', pruneFailed: 'history prune failed' },
      },
    );
  }

  /** Queues changes for writing; returns at once. Entries whose `at` is not a time are dropped (and counted). */
  record(inputs: readonly ChangeInput[]): void {
    this.batches.record(inputs);
  }

  status(): HistoryWriterStatus {
    const { state, ...counts } = this.batches.status();
    return { state, ...(this.gap ? { openGap: { ...this.gap } } : {}), ...counts };
  }

  /** Writes what is queued; resolves when written or when a write failed (see status()). Never rejects. */
  flush(): Promise<void> {
    return this.batches.flush();
  }

  /** Flushes once more, stops the timers and closes the store; later records are dropped. */
  stop(): Promise<void> {
    return this.batches.stop();
  }

  private async currentStore(): Promise<ChangeStore> {
    this.store ??= await this.open!();
    return this.store;
  }

  /** After the first good write of an outage: its gap, closed now. A failure here is a failure of the store. */
  private async closeGap(): Promise<void> {
    if (!this.gap) return;
    const closed = { ...this.gap, to: this.o.now().toISOString() };
    await (await this.currentStore()).recordGap(closed);
    this.gap = undefined;
    this.o.logger?.info({ gap: closed }, 'history store writable again; gap recorded');
  }

  /** After every good write: the entries lost while up, each range once. */
  private async recordLostWhileUp(): Promise<void> {
    while (this.lostWhileUp[0]) {
      await (await this.currentStore()).recordGap(this.lostWhileUp[0]);
      this.lostWhileUp.shift();
    }
  }

  private failed(reason: string, first: boolean, oldest: ChangeInput | undefined): void {
    if (first) {
      const now = this.o.now().getTime();
      const from = oldest ? Date.parse(oldest.at) : now;
      this.gap = { from: new Date(Math.min(from, now)).toISOString(), reason: `history store failed: ${reason}` };
    }
    // An opener's store is opened anew on the next try: the server may have come back empty or elsewhere.
    if (this.open && this.store) {
      const broken = this.store;
      this.store = undefined;
      void broken.close().catch(() => {});
    }
  }

  /** The oldest entries, dropped past maxQueued: lost while up, they become a closed gap of their own. */
  private droppedWhileUp(lost: readonly ChangeInput[]): void {
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

  private async prune(retention: NonNullable<HistoryWriterOptions['retention']>): Promise<number> {
    const store = await this.currentStore();
    return store.prune({ before: new Date(this.o.now().getTime() - retention.days * 86_400_000), maxBytes: retention.maxBytes });
  }

  private async closeStore(): Promise<void> {
    const store = this.store;
    this.store = undefined;
    await store?.close().catch((err: unknown) => this.o.logger?.warn({ err: errorMessage(err) }, 'closing the history store failed'));
  }
}
