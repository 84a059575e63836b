import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryWriter } from './history-writer';
import { sampleChange } from './testing/sample-change';
import type { ChangeStore } from './types';

/** A store whose writes fail with a connection error naming credentials, noting when each was tried. */
function failingStore(tries: number[]): ChangeStore {
  const fail = async () => {
    tries.push(Date.now());
    throw new Error('connect ECONNREFUSED via postgres://app:hunter22@db:5432/x');
  };
  return {
    append: fail,
    recordGap: fail,
    query: fail,
    get: fail,
    churn: fail,
    gaps: fail,
    prune: fail,
    sizeBytes: fail,
    beat: fail,
    close: async () => {},
  };
}

describe('HistoryWriter backoff', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries with growing delays, never more than 30 s apart even when asked for more', async () => {
    const tries: number[] = [];
    const w = new HistoryWriter(failingStore(tries), { flushMs: 100, retryMinMs: 1_000, retryMaxMs: 120_000 });
    w.record([sampleChange()]);
    expect(w.status().queued).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const waits = tries.slice(1).map((t, i) => t - tries[i]!);
    expect(waits.length).toBeGreaterThan(18);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30_000);
    expect(waits[0]).toBeLessThanOrEqual(1_000);
    expect(waits.slice(-5).every((d) => d >= 24_000)).toBe(true);
    const s = w.status();
    expect(s).toMatchObject({ state: 'down', queued: 1, written: 0 });
    expect(s.lastError).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(s)).not.toContain('hunter22');
    await w.stop();
    const n = tries.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(tries.length).toBe(n);
  });

  it('does not wait for the store: record returns before any write starts', () => {
    const tries: number[] = [];
    const w = new HistoryWriter(failingStore(tries), { batchSize: 1 });
    w.record([sampleChange(), sampleChange()]);
    expect(tries).toEqual([]);
    expect(w.status()).toMatchObject({ state: 'ok', queued: 2 });
  });
});
