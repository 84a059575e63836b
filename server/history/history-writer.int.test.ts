import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryWriter } from './history-writer';
import { openChangeStore } from './open-store';
import { sampleChange } from './testing/sample-change';
import { startPgServer, type PgServer } from './testing/pg-server';
import type { ChangeInput, ChangeStore } from './types';

const SECRET = 'writer-Pa55word';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function memoryStore(): Promise<ChangeStore> {
  const s = await openChangeStore({});
  cleanups.push(() => s.close());
  return s;
}

function writer(store: ConstructorParameters<typeof HistoryWriter>[0], opts: ConstructorParameters<typeof HistoryWriter>[1] = {}): HistoryWriter {
  const w = new HistoryWriter(store, { flushMs: 20, retryMinMs: 20, retryMaxMs: 200, ...opts });
  cleanups.push(() => w.stop());
  return w;
}

/** The store with its appends slowed down and each batch's names noted. */
function observed(store: ChangeStore, delayMs = 0): { store: ChangeStore; batches: string[][] } {
  const batches: string[][] = [];
  const wrapped: ChangeStore = Object.create(store, {
    append: {
      value: async (entries: readonly ChangeInput[]) => {
        batches.push(entries.map((e) => e.name));
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        return store.append(entries);
      },
    },
  });
  return { store: wrapped, batches };
}

const names = async (s: ChangeStore) => (await s.query({ limit: 500 })).items.map((e) => e.name).reverse();

describe('HistoryWriter', () => {
  it('writes batches of at most batchSize, in order, one at a time', async () => {
    const { store, batches } = observed(await memoryStore(), 30);
    const w = writer(store, { batchSize: 3, flushMs: 60_000 });
    const entries = Array.from({ length: 8 }, (_, i) => sampleChange({ name: `e${i}` }));
    w.record(entries.slice(0, 2)); // below batchSize: waits for the (long) flush timer
    w.record(entries.slice(2, 7)); // now 7 queued: written at once
    w.record(entries.slice(7));
    await w.flush();
    expect(batches).toEqual([['e0', 'e1', 'e2'], ['e3', 'e4', 'e5'], ['e6', 'e7']]);
    expect(await names(store)).toEqual(entries.map((e) => e.name));
    expect(w.status()).toEqual({ state: 'ok', written: 8, dropped: 0, queued: 0 });
  });

  it('writes a partial batch after flushMs without being asked', async () => {
    const store = await memoryStore();
    const w = writer(store, { flushMs: 50 });
    w.record([sampleChange({ name: 'alone' })]);
    expect(w.status().queued).toBe(1);
    await vi.waitFor(() => expect(w.status().written).toBe(1), { timeout: 5_000, interval: 20 });
    expect(await names(store)).toEqual(['alone']);
  });

  it('goes down when the store fails, keeps the gap open, and records it closed once a store works again', async () => {
    const first = await memoryStore();
    let current = first;
    const w = writer(async () => current);
    w.record([sampleChange({ name: 'before' })]);
    await w.flush();
    expect(w.status()).toMatchObject({ state: 'ok', written: 1 });

    await first.close(); // the store goes away underneath the writer
    const lost = [sampleChange({ name: 'during-1' }), sampleChange({ name: 'during-2' })];
    w.record(lost);
    await w.flush();
    const down = w.status();
    expect(down).toMatchObject({ state: 'down', written: 1, queued: 2, dropped: 0, openGap: { from: lost[0]!.at } });
    expect(down.openGap?.to).toBeUndefined();
    expect(down.openGap?.reason).toMatch(/^history store failed: .*closed/i);
    expect(down.lastError).toMatch(/closed/i);

    current = await memoryStore();
    await vi.waitFor(() => expect(w.status().state).toBe('ok'), { timeout: 5_000, interval: 20 });
    expect(w.status()).toEqual({ state: 'ok', written: 3, dropped: 0, queued: 0 });
    expect(await names(current)).toEqual(['during-1', 'during-2']);
    const [gap, ...more] = await current.gaps();
    expect(more).toEqual([]);
    expect(gap).toMatchObject({ from: lost[0]!.at, reason: down.openGap!.reason });
    expect(Date.parse(gap!.to!)).toBeGreaterThanOrEqual(Date.parse(gap!.from));
  });

  it('counts what it drops past maxQueued (the oldest), and still records the gap from the first unwritten entry', async () => {
    const broken = await memoryStore();
    await broken.close();
    let current = broken;
    const w = writer(async () => current, { maxQueued: 5, batchSize: 2 });
    const entries = Array.from({ length: 8 }, (_, i) => sampleChange({ name: `q${i}` }));
    w.record(entries.slice(0, 3));
    await w.flush();
    expect(w.status()).toMatchObject({ state: 'down', queued: 3, dropped: 0 });
    w.record(entries.slice(3));
    w.record([{ ...sampleChange({ name: 'bad-time' }), at: 'not a time' }]);
    expect(w.status()).toMatchObject({ state: 'down', queued: 5, dropped: 4 });

    current = await memoryStore();
    await vi.waitFor(() => expect(w.status().state).toBe('ok'), { timeout: 5_000, interval: 20 });
    expect(w.status()).toEqual({ state: 'ok', written: 5, dropped: 4, queued: 0 });
    expect(await names(current)).toEqual(['q3', 'q4', 'q5', 'q6', 'q7']);
    expect((await current.gaps()).map((g) => g.from)).toEqual([entries[0]!.at]);
  });

  it('records a closed gap for entries dropped while the store was up but too slow', async () => {
    const { store } = observed(await memoryStore(), 150);
    const w = writer(store, { maxQueued: 4, batchSize: 2 });
    const entries = Array.from({ length: 6 }, (_, i) => sampleChange({ name: `s${i}` }));
    w.record(entries.slice(0, 2)); // in flight for 150 ms
    await new Promise((r) => setTimeout(r, 20));
    w.record(entries.slice(2)); // 2 in flight + 4 queued > 4: the two oldest queued go
    expect(w.status()).toMatchObject({ state: 'ok', dropped: 2, queued: 4 });
    await w.flush();
    expect(w.status()).toEqual({ state: 'ok', written: 4, dropped: 2, queued: 0 });
    expect(await names(store)).toEqual(['s0', 's1', 's4', 's5']);
    expect(await store.gaps()).toEqual([{ from: entries[2]!.at, to: entries[3]!.at, reason: expect.stringMatching(/queue full/) }]);
  });

  it('prunes by the retention every pruneEveryMs', async () => {
    const store = await memoryStore();
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString();
    await store.append([sampleChange({ name: 'old', at: old }), sampleChange({ name: 'new', at: new Date().toISOString() })]);
    writer(store, { retention: { days: 1 }, pruneEveryMs: 30 });
    await vi.waitFor(async () => expect(await names(store)).toEqual(['new']), { timeout: 5_000, interval: 30 });
  });

  it('stop() writes what is queued, closes the store and drops later records', async () => {
    const store = await openChangeStore({});
    const w = new HistoryWriter(store, { flushMs: 60_000 });
    w.record([sampleChange({ name: 'last' })]);
    await w.stop();
    expect(w.status()).toEqual({ state: 'ok', written: 1, dropped: 0, queued: 0 });
    await expect(store.query({ limit: 1 })).rejects.toThrow(/closed/i);
    w.record([sampleChange()]);
    expect(w.status().dropped).toBe(1);
  });

  describe('with a PostgreSQL server that stops and comes back', () => {
    it('is down with the server named (no password) while it is gone, and records the gap on the new one', async () => {
      let server: PgServer = await startPgServer();
      cleanups.push(() => server.stop());
      const url = server.url.replace('postgres@', `postgres:${SECRET}@`);
      const w = writer(() => openChangeStore({ databaseUrl: url }), { retryMinMs: 50, retryMaxMs: 300 });
      w.record([sampleChange({ name: 'up' })]);
      await w.flush();
      expect(w.status()).toMatchObject({ state: 'ok', written: 1 });

      await server.stop();
      const during = sampleChange({ name: 'while-down' });
      w.record([during]);
      await w.flush();
      const down = w.status();
      expect(down).toMatchObject({ state: 'down', queued: 1, openGap: { from: during.at } });
      expect(down.lastError).toContain(`127.0.0.1:${server.port}/postgres`);
      expect(JSON.stringify(down)).not.toContain(SECRET);

      server = await startPgServer({ port: server.port }); // empty: the writer migrates it on reopening
      await vi.waitFor(() => expect(w.status().state).toBe('ok'), { timeout: 15_000, interval: 50 });
      expect(w.status()).toEqual({ state: 'ok', written: 2, dropped: 0, queued: 0 });
      const check = await openChangeStore({ databaseUrl: server.url });
      cleanups.push(() => check.close());
      expect(await names(check)).toEqual(['while-down']);
      const gaps = await check.gaps();
      expect(gaps).toEqual([{ from: during.at, to: expect.any(String), reason: down.openGap!.reason }]);
      expect(gaps[0]!.reason).not.toContain(SECRET);
    });
  });
});
