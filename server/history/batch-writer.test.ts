/** The generic batched writer against a fake write function: order, batching, backoff, the hooks' order, trimming, prune and stop. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchWriter, errorMessage, type BatchWriterHooks, type BatchWriterOptions } from './batch-writer';

const messages = { stepFailed: 'step failed', down: 'down', pruned: 'pruned', pruneFailed: 'prune failed' };

/** A writer of numbers whose writes fail while `state.failing`; every batch it took, and each hook call, is noted. */
function harness(hooks: Partial<BatchWriterHooks<number>> = {}, opts: Partial<BatchWriterOptions> = {}) {
  const state = { failing: false, batches: [] as number[][], calls: [] as string[], tries: [] as number[] };
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const w = new BatchWriter<number>(
    {
      write: async (batch) => {
        state.tries.push(Date.now());
        state.calls.push(`write ${batch.join(',')}`);
        if (state.failing) throw new Error('connect ECONNREFUSED postgres://app:hunter22@db:5432/x');
        state.batches.push([...batch]);
      },
      failed: (reason, first, oldest) => state.calls.push(`failed ${first} ${oldest}`),
      recovered: (batch) => void state.calls.push(`recovered ${batch.join(',')}`),
      wrote: async () => void state.calls.push('wrote'),
      ...hooks,
    },
    { flushMs: 100, retryMinMs: 1_000, maxQueued: 100, logger, messages, ...opts },
  );
  return { w, state, logger };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('BatchWriter', () => {
  it('writes a full batch at once and the rest after flushMs, in order', async () => {
    const { w, state } = harness({}, { batchSize: 3 });
    w.record([1, 2]);
    w.record([3, 4, 5, 6, 7]);
    expect(state.batches).toEqual([]); // record() returned before any write
    await vi.advanceTimersByTimeAsync(0);
    expect(state.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    w.record([8]);
    await vi.advanceTimersByTimeAsync(99);
    expect(state.batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.batches.at(-1)).toEqual([8]);
    expect(w.status()).toEqual({ state: 'ok', written: 8, dropped: 0, queued: 0 });
  });

  it('counts items refused by accepts, and those recorded after stop, as dropped', async () => {
    const { w, state } = harness({ accepts: (n) => n > 0 });
    w.record([1, -1, 2]);
    await w.stop();
    w.record([3, 4]);
    expect(state.batches).toEqual([[1, 2]]);
    expect(w.status()).toEqual({ state: 'ok', written: 2, dropped: 3, queued: 0 });
  });

  it('keeps a failed batch, is down with a redacted reason, and recovers before the next wrote', async () => {
    const { w, state, logger } = harness();
    state.failing = true;
    w.record([1, 2]);
    await w.flush();
    w.record([3]); // down: waits for the retry, not for a flush timer
    expect(w.status()).toMatchObject({ state: 'down', queued: 3, written: 0 });
    expect(w.status().lastError).toContain('app:***@db');
    expect(JSON.stringify(w.status())).not.toContain('hunter22');
    expect(logger.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    state.failing = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state.batches).toEqual([[1, 2, 3]]);
    expect(state.calls).toEqual(['write 1,2', 'failed true 1', 'write 1,2,3', 'failed false 1', 'write 1,2,3', 'recovered 1,2,3', 'wrote']);
    expect(w.status()).toEqual({ state: 'ok', written: 3, dropped: 0, queued: 0 });
    expect(logger.error).toHaveBeenCalledTimes(1); // once per outage
  });

  it('retries with doubling delays, never more than 30 s apart, and not after stop', async () => {
    const { w, state } = harness({}, { retryMaxMs: 120_000 });
    state.failing = true;
    w.record([1]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const waits = state.tries.slice(1).map((t, i) => t - state.tries[i]!);
    expect(waits[0]).toBeLessThanOrEqual(1_000);
    expect(waits[1]).toBeGreaterThanOrEqual(1_600);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30_000);
    expect(waits.slice(-5).every((d) => d >= 24_000)).toBe(true);
    await w.stop();
    const n = state.tries.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(state.tries.length).toBe(n);
  });

  it('writes an empty batch while `pending` says there is more to do', async () => {
    let owed = 2;
    const { w, state } = harness({ pending: () => owed > 0, wrote: async () => void owed-- });
    w.record([1]);
    await w.flush();
    expect(state.calls).toEqual(['write 1', 'write ']);
    expect(owed).toBe(0);
  });

  it('leaves a batch written when `wrote` fails, but goes down', async () => {
    const { w, state } = harness({
      wrote: async () => {
        throw new Error('gap row refused');
      },
    });
    w.record([1]);
    await w.flush();
    expect(state.batches).toEqual([[1]]);
    expect(w.status()).toMatchObject({ state: 'down', written: 1, queued: 0, lastError: 'gap row refused' });
  });

  it('drops the oldest queued items past maxQueued, counting those in flight but keeping them', async () => {
    const lost: number[][] = [];
    let release = () => {};
    const { w, state } = harness(
      {
        write: async (batch) => {
          await new Promise<void>((r) => (release = r));
          state.batches.push([...batch]);
        },
        dropped: (items) => lost.push(items),
      },
      { maxQueued: 4, batchSize: 2 },
    );
    w.record([1, 2]);
    await vi.advanceTimersByTimeAsync(100); // 1, 2 in flight
    w.record([3, 4, 5, 6]);
    expect(lost).toEqual([[3, 4]]);
    expect(w.status()).toMatchObject({ dropped: 2, queued: 4 });
    const done = w.flush();
    for (let i = 0; i < 3; i++) {
      release();
      await vi.advanceTimersByTimeAsync(0);
    }
    await done;
    expect(state.batches).toEqual([[1, 2], [5, 6]]);
  });

  it('prunes every pruneEveryMs while up, not while down, and a failed prune leaves it up', async () => {
    let pruned = 0;
    const { w, state, logger } = harness(
      {
        prune: async () => {
          pruned++;
          if (pruned === 2) throw new Error('prune refused');
          return 5;
        },
      },
      { pruneEveryMs: 1_000 },
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(pruned).toBe(2);
    expect(logger.info).toHaveBeenCalledWith({ pruned: 5 }, 'pruned');
    expect(logger.warn).toHaveBeenCalledWith({ err: 'prune refused' }, 'prune failed');
    expect(w.status().state).toBe('ok');
    state.failing = true;
    w.record([1]);
    await w.flush();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(pruned).toBe(2);
    await w.stop();
  });

  it('stop() flushes, then runs `stopped`, which may drop what could not be written', async () => {
    const seen: number[] = [];
    const { w, state } = harness({
      stopped: () => {
        seen.push(w.status().queued, w.dropQueued());
      },
    });
    state.failing = true;
    w.record([1, 2]);
    await w.stop();
    expect(state.calls.slice(0, 2)).toEqual(['write 1,2', 'failed true 1']);
    expect(seen).toEqual([2, 2]);
    expect(w.status()).toMatchObject({ state: 'down', queued: 0, dropped: 2 });
    expect(w.stop()).toBe(w.stop());
  });
});

describe('errorMessage', () => {
  it('redacts credentials and falls back to the code, then to a default', () => {
    expect(errorMessage(new Error('postgres://u:secret@h/db'))).not.toContain('secret');
    expect(errorMessage(Object.assign(new Error(''), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(errorMessage('')).toBe('unknown error');
  });
});
