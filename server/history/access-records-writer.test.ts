/** The audit writer against a fake store: it never blocks or throws, batches, bounds its queue and says what it lost. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessRecordStore, AuditEventInput } from './access-records';
import { AuditWriter } from './access-records-writer';

/** A store whose appends can be made to fail; every batch it took is kept. */
function fakeStore() {
  const batches: AuditEventInput[][] = [];
  const state = { failing: false, pruned: [] as Date[] };
  const store = {
    appendAudit: async (events: readonly AuditEventInput[]) => {
      if (state.failing) throw new Error('connect ECONNREFUSED postgres://meshglass:Pa55word@db:5432/meshglass');
      batches.push([...events]);
    },
    prune: async (before: Date) => {
      state.pruned.push(before);
      return 0;
    },
  } as unknown as AccessRecordStore;
  return { store, batches, state };
}

const ev = (n: number): AuditEventInput => ({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), principal: 'alice', action: 'request', subject: `/p/${n}` });
const subjects = (bs: AuditEventInput[][]) => bs.flat().map((e) => e.subject);
const writers: AuditWriter[] = [];
const writer = (store: AccessRecordStore, opts: ConstructorParameters<typeof AuditWriter>[1] = {}) => {
  const w = new AuditWriter(async () => store, { flushMs: 10, retryMinMs: 10, retryMaxMs: 40, ...opts });
  writers.push(w);
  return w;
};
const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

afterEach(async () => {
  for (const w of writers.splice(0)) await w.stop();
});

describe('AuditWriter', () => {
  it('queues without waiting and writes full batches at once, the rest after flushMs, in order', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store, { batchSize: 3, flushMs: 60_000 });
    for (let i = 0; i < 7; i++) w.record(ev(i));
    expect(batches).toEqual([]); // record() returned before any write
    await until(() => batches.length >= 2, 'the full batches, long before flushMs');
    await w.flush();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(subjects(batches)).toEqual(['/p/0', '/p/1', '/p/2', '/p/3', '/p/4', '/p/5', '/p/6']);
    expect(w.status()).toEqual({ state: 'ok', written: 7, dropped: 0, queued: 0 });
  });

  it('writes a partial batch after flushMs without being asked', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store, { flushMs: 20 });
    w.record(ev(1));
    await until(() => batches.length === 1, 'the timed flush');
  });

  it('keeps rows while the store fails, never throwing, and writes them once it is back', async () => {
    const { store, batches, state } = fakeStore();
    state.failing = true;
    const w = writer(store);
    expect(() => w.record(ev(1))).not.toThrow();
    await until(() => w.status().state === 'down', 'down');
    expect(w.status().lastError).toContain('meshglass:***@db');
    expect(w.status().lastError).not.toContain('Pa55word');
    w.record(ev(2));
    expect(w.status().queued).toBe(2);
    state.failing = false;
    await until(() => w.status().state === 'ok' && w.status().queued === 0, 'recovery');
    expect(subjects(batches)).toEqual(['/p/1', '/p/2']);
  });

  it('drops the oldest rows past maxQueued and leaves one audit.gap row saying how many and when', async () => {
    const { store, batches, state } = fakeStore();
    state.failing = true;
    const w = writer(store, { maxQueued: 3, batchSize: 2 });
    for (let i = 0; i < 6; i++) w.record(ev(i));
    await until(() => w.status().state === 'down', 'down');
    expect(w.status()).toMatchObject({ dropped: 3, queued: 3 });
    state.failing = false;
    await until(() => w.status().state === 'ok' && w.status().queued === 0, 'recovery');
    const gap = batches.flat().find((e) => e.action === 'audit.gap');
    expect(gap).toMatchObject({ principal: 'meshglass', detail: { dropped: 3, from: ev(0).at, to: ev(2).at } });
    expect(subjects(batches).filter((s) => s.startsWith('/p/'))).toEqual(['/p/3', '/p/4', '/p/5']);
    expect(batches.flat().filter((e) => e.action === 'audit.gap')).toHaveLength(1);
  });

  it('drops rows without a time, and rows recorded after stop, counting them', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store);
    w.record({ ...ev(1), at: 'not a time' });
    w.record(ev(2));
    await w.stop();
    w.record(ev(3));
    expect(subjects(batches)).toEqual(['/p/2']);
    expect(w.status()).toMatchObject({ written: 1, dropped: 2 });
  });

  it('prunes rows older than retentionDays', async () => {
    const { store, state } = fakeStore();
    const now = new Date(Date.UTC(2026, 5, 15));
    writer(store, { retentionDays: 14, pruneEveryMs: 10, now: () => now });
    await until(() => state.pruned.length > 0, 'a prune');
    expect(state.pruned[0]).toEqual(new Date(Date.UTC(2026, 5, 1)));
  });
});
