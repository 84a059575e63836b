import 'server-only';
import { entrySizeBytes } from '../history/entry-size';
import { HistoryWriter } from '../history/history-writer';
import type { ChangeInput, ChangeStore } from '../history/types';
import { percentiles, type Percentiles } from './stats';

/** Write throughput of HistoryWriter into one store, with its batches' latencies. */
export interface WriteResult {
  entries: number;
  batches: number;
  /** Entries per append on average (the writer's default batch is 500). */
  meanBatchEntries: number;
  /** Wall time the writer was writing (flushes), entry generation excluded. */
  writeSeconds: number;
  entriesPerS: number;
  /** Mean of entrySizeBytes (what retention by size counts). */
  meanEntryBytes: number;
  /** One append (one batch of the writer, up to its default 500 entries) in ms. */
  batchMs: Percentiles;
  /** The first and the last tenth of the batches: the store nearly empty, then at its fullest. */
  firstTenthBatchMs: Percentiles;
  lastTenthBatchMs: Percentiles;
  dropped: number;
  /** Whether it stopped at maxSeconds before maxEntries or maxBytes. */
  timedOut: boolean;
}

/** The store with its appends timed, every other method its own (by prototype), and a close() that leaves it open for the queries. */
function timed(store: ChangeStore, batchMs: number[], sizes: number[]): ChangeStore {
  const t = Object.create(store) as ChangeStore;
  t.append = async (entries) => {
    const t0 = performance.now();
    await store.append(entries);
    batchMs.push(performance.now() - t0);
    sizes.push(entries.length);
  };
  t.close = async () => {};
  return t;
}

/**
 * Feeds `next()`'s chunks to a HistoryWriter with its default options (500
 * entries a batch, a full batch written at once) and waits for each chunk
 * to be written before asking for the next, until maxEntries, maxBytes (by
 * entrySizeBytes, what retention by size counts) or maxSeconds of writing. Only the writer's time counts; a failed write ends the run.
 */
export async function measureWrites(store: ChangeStore, next: () => Promise<ChangeInput[]>, limits: { maxEntries: number; maxBytes?: number; maxSeconds: number; onProgress?: (written: number) => void }): Promise<WriteResult> {
  const batchMs: number[] = [];
  const sizes: number[] = [];
  const writer = new HistoryWriter(timed(store, batchMs, sizes));
  let entries = 0;
  let bytes = 0;
  let writeMs = 0;
  let timedOut = false;
  try {
    while (entries < limits.maxEntries && bytes < (limits.maxBytes ?? Infinity)) {
      if (writeMs > limits.maxSeconds * 1000) {
        timedOut = true;
        break;
      }
      const chunk = (await next()).slice(0, limits.maxEntries - entries);
      if (chunk.length === 0) break;
      for (const e of chunk) bytes += entrySizeBytes(e);
      const t0 = performance.now();
      writer.record(chunk);
      await writer.flush();
      writeMs += performance.now() - t0;
      const s = writer.status();
      if (s.state !== 'ok') throw new Error(`history writer down: ${s.lastError ?? 'unknown error'}`);
      entries += chunk.length;
      limits.onProgress?.(entries);
    }
  } finally {
    await writer.stop();
  }
  const tenth = Math.max(1, Math.floor(batchMs.length / 10));
  return {
    entries,
    batches: batchMs.length,
    meanBatchEntries: Math.round(sizes.reduce((a, n) => a + n, 0) / Math.max(1, sizes.length)),
    writeSeconds: Number((writeMs / 1000).toFixed(2)),
    entriesPerS: Math.round(entries / (writeMs / 1000)),
    meanEntryBytes: Math.round(bytes / Math.max(1, entries)),
    batchMs: percentiles(batchMs),
    firstTenthBatchMs: percentiles(batchMs.slice(0, tenth)),
    lastTenthBatchMs: percentiles(batchMs.slice(-tenth)),
    dropped: writer.status().dropped,
    timedOut,
  };
}
