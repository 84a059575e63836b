import { describe, expect, it } from 'vitest';
import type { ChangeInput } from './types';
import { HandoverSink } from './handover-sink';

const entry = (at: number, name: string, summary = name): ChangeInput => ({ at: new Date(at).toISOString(), cluster: 'c', category: 'config', kind: 'DestinationRule', namespace: 'ns', name, action: 'changed', summary, diff: [], services: [] });

function sink(held: { v: boolean }, stored: ChangeInput[], now = { t: 10_000 }) {
  const written: string[] = [];
  const s = new HandoverSink({
    held: () => held.v,
    write: (e) => written.push(...e.map((x) => x.name)),
    storedSince: async (from) => stored.filter((e) => e.at >= from),
    keepMs: 5_000,
    maxKept: 3,
    sameChangeWithinMs: 1_000,
    now: () => now.t,
  });
  return { s, written };
}

describe('HandoverSink', () => {
  it('writes straight through while it holds the lease', () => {
    const { s, written } = sink({ v: true }, []);
    s.record([entry(1, 'a'), entry(2, 'b')]);
    expect(written).toEqual(['a', 'b']);
  });

  it('keeps what it sees while another replica records, and on takeover writes only what the recorder did not store', async () => {
    const held = { v: false };
    const { s, written } = sink(held, [entry(8_001, 'seen-by-both'), entry(9_000, 'other')]);
    s.record([entry(8_000, 'seen-by-both'), entry(9_500, 'missed')]);
    expect(written).toEqual([]);
    held.v = true;
    expect(await s.tookOver()).toBe(1);
    expect(written).toEqual(['missed']);
    // Nothing is replayed twice.
    expect(await s.tookOver()).toBe(0);
  });

  it('forgets what is older than its window and beyond its cap', async () => {
    const held = { v: false };
    const now = { t: 10_000 };
    const { s, written } = sink(held, [], now);
    s.record([entry(1_000, 'too-old'), entry(6_000, 'a'), entry(7_000, 'b'), entry(8_000, 'c'), entry(9_000, 'd')]);
    held.v = true;
    await s.tookOver();
    expect(written).toEqual(['b', 'c', 'd']);
  });

  it('is not fooled by the two replicas stamping one change a moment apart, in either order', async () => {
    // The recorder stamped it 1 ms before this replica (the CI failure: written twice), or 1 ms after.
    for (const storedAt of [8_000, 8_002]) {
      const held = { v: false };
      const { s, written } = sink(held, [entry(storedAt, 'a')]);
      s.record([entry(8_001, 'a')]);
      held.v = true;
      expect(await s.tookOver()).toBe(0);
      expect(written).toEqual([]);
    }
  });

  it('matches one stored entry to one kept entry: the same change made twice is written when only one was stored', async () => {
    const held = { v: false };
    const { s, written } = sink(held, [entry(8_000, 'flap', 'weight 50 → 100')]);
    s.record([entry(8_001, 'flap', 'weight 50 → 100'), entry(8_500, 'flap', 'weight 50 → 100'), entry(8_600, 'flap', 'weight 100 → 50')]);
    held.v = true;
    expect(await s.tookOver()).toBe(2);
    expect(written).toEqual(['flap', 'flap']);
  });

  it('writes everything it kept when the store cannot say what it holds: a duplicate rather than a loss', async () => {
    const held = { v: false };
    const written: string[] = [];
    const s = new HandoverSink({ held: () => held.v, write: (e) => written.push(...e.map((x) => x.name)), storedSince: async () => Promise.reject(new Error('down')), now: () => 10_000 });
    s.record([entry(9_000, 'a')]);
    held.v = true;
    expect(await s.tookOver()).toBe(1);
  });
});
