import { describe, expect, it } from 'vitest';
import { ParseMemo } from '../istiod/parse-memo';
import type { SlimPod } from './records';
import { nextDue, nextSlot, pollRevision, sameObjects } from './istiod-poller';

const pod = { namespace: 'istio-system', name: 'istiod-0', labels: { app: 'istiod' }, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: 'istiod' }, hasProxy: false, proxyVersion: '1.24.1' } as unknown as SlimPod;

const answers = (syncz: unknown[]) => (_ns: string, _pod: string, path: string) =>
  Promise.resolve(
    path === '/version'
      ? { status: 200, body: '1.24.1-abc-Clean' }
      : { status: 200, body: JSON.stringify(path === '/debug/syncz' ? syncz : path === '/debug/clusterz' ? [{ id: 'c1', syncStatus: 'synced' }] : []) },
  );
const proxy = (name: string, acked: string) => ({ proxy: `${name}.default`, cluster_id: 'c1', cluster_sent: 'n1', cluster_acked: acked });

describe('pollRevision with a parse memo', () => {
  it('returns the same parsed lists when the answers did not change, new ones when they did', async () => {
    const memo = new ParseMemo();
    const a = await pollRevision('default', [pod], answers([proxy('a', 'n1')]), memo);
    const b = await pollRevision('default', [pod], answers([proxy('a', 'n1')]), memo);
    expect(a.state).toBe('ok');
    expect(b.proxies).toBe(a.proxies);
    expect(b.clusters).toBe(a.clusters);
    expect(sameObjects([a], [b])).toBe(true);
    const c = await pollRevision('default', [pod], answers([proxy('a', 'n0')]), memo);
    expect(c.proxies).not.toBe(a.proxies);
    expect(c.proxies[0]).toMatchObject({ pod: 'a', cds: 'STALE' });
    expect(c.clusters).toBe(a.clusters);
    expect(sameObjects([a], [c])).toBe(false);
  });

  it('turns a body that is not JSON into the poll error, and parses it again next time', async () => {
    const memo = new ParseMemo();
    const bad = (_ns: string, _p: string, path: string) => Promise.resolve({ status: 200, body: path === '/version' ? '1.24.1' : '{' });
    const a = await pollRevision('default', [pod], bad, memo);
    expect(a.state).toBe('error');
    expect(memo.size).toBe(0);
  });
});

describe('sameObjects', () => {
  it('compares every field but the poll time', async () => {
    const a = await pollRevision('default', [pod], answers([]));
    expect(sameObjects([a], [{ ...a, lastPolledAt: 'later' }])).toBe(true);
    expect(sameObjects([a], [{ ...a, version: '1.25.0' }])).toBe(false);
    expect(sameObjects([a], [{ ...a, state: 'error', error: 'x' }])).toBe(false);
    expect(sameObjects([a], [])).toBe(false);
  });
});

describe('nextSlot: a fixed cadence per poller', () => {
  it('is the first slot anchor + k * interval not before the given time', () => {
    expect(nextSlot(1_000, 10_000, 500)).toBe(1_000);
    expect(nextSlot(1_000, 10_000, 1_000)).toBe(1_000);
    expect(nextSlot(1_000, 10_000, 1_001)).toBe(11_000);
    expect(nextSlot(1_000, 10_000, 25_000)).toBe(31_000);
  });
  it('keeps the phase when a poll overran (slots are skipped, not shifted)', () => {
    // A poll that started at 11,000 and took 15 s: the next slot after 16,000 (half an interval on) is 21,000.
    expect(nextSlot(1_000, 10_000, 11_000 + 5_000)).toBe(21_000);
  });
  it('spreads pollers with different phases over the interval', () => {
    const start = 0;
    const phases = [0.05, 0.3, 0.55, 0.8].map((p) => nextSlot(start + p * 10_000, 10_000, start + 5_000) % 10_000);
    expect(phases).toEqual([500, 3_000, 5_500, 8_000]);
  });
});

describe('nextDue', () => {
  const base = { started: 100_000, configured: 10_000, random: () => 0.5 };
  it('is one interval on until a round found an istiod', () => {
    expect(nextDue({ ...base, interval: 10_000, anchoredNow: false })).toBe(110_000);
  });
  it('keeps the fixed cadence when the interval is the configured one', () => {
    expect(nextDue({ ...base, interval: 10_000, anchor: 103_000, anchoredNow: true })).toBe(113_000);
  });
  it('when stretched, sends the first follow-up to the poller\'s own phase, then about one interval on', () => {
    // 200 pollers whose first rounds ran back to back: their next rounds spread over the whole interval.
    const phases = [0.1, 0.4, 0.7].map((r) => nextDue({ ...base, interval: 100_000, anchor: base.started + r * 100_000, anchoredNow: true }));
    expect(phases).toEqual([110_000, 140_000, 170_000]);
    for (const r of [0, 0.5, 1]) {
      const due = nextDue({ ...base, interval: 100_000, anchor: 1, anchoredNow: false, random: () => r });
      expect(due).toBeGreaterThanOrEqual(base.started + 90_000);
      expect(due).toBeLessThanOrEqual(base.started + 110_000);
    }
  });
});
