import { describe, expect, it } from 'vitest';
import type { ChangeInput } from './types';
import { HandoverSink } from './handover-sink';

const entry = (at: number, name: string): ChangeInput => ({ at: new Date(at).toISOString(), cluster: 'c', category: 'config', kind: 'DestinationRule', namespace: 'ns', name, action: 'changed', summary: name, diff: [], services: [] });

function sink(held: { v: boolean }, newest: number | undefined, now = { t: 10_000 }) {
  const written: string[] = [];
  const s = new HandoverSink({ held: () => held.v, write: (e) => written.push(...e.map((x) => x.name)), newestStoredAt: async () => (newest === undefined ? undefined : new Date(newest).toISOString()), keepMs: 5_000, maxKept: 3, now: () => now.t });
  return { s, written };
}

describe('HandoverSink', () => {
  it('writes straight through while it holds the lease', () => {
    const { s, written } = sink({ v: true }, undefined);
    s.record([entry(1, 'a'), entry(2, 'b')]);
    expect(written).toEqual(['a', 'b']);
  });

  it('keeps what it sees while another replica records, and on takeover writes only what is newer than the store', async () => {
    const held = { v: false };
    const { s, written } = sink(held, 9_000);
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
    const { s, written } = sink(held, undefined, now);
    s.record([entry(1_000, 'too-old'), entry(6_000, 'a'), entry(7_000, 'b'), entry(8_000, 'c'), entry(9_000, 'd')]);
    held.v = true;
    await s.tookOver();
    expect(written).toEqual(['b', 'c', 'd']);
  });
});
