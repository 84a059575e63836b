import { afterEach, describe, expect, it } from 'vitest';
import { openChangeStore } from './open-store';
import { startRecorderHeartbeat } from './recorder-heartbeat';
import type { ChangeStore } from './types';

const stores: ChangeStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('startRecorderHeartbeat (PGlite)', () => {
  it('records a gap from the last beat when a recorder starts long after it, and none for a quick handover', async () => {
    const store = await openChangeStore({});
    stores.push(store);
    let t = Date.parse('2026-12-07T01:00:00Z');
    const clock = () => new Date(t);
    const first = startRecorderHeartbeat({ store: async () => store, held: () => true, now: clock, everyMs: 60_000 });
    await until(async () => (await store.beat(new Date(t).toISOString())) !== undefined);
    first.stop();

    // A restart 10 minutes later: one gap, from the last beat to now.
    t += 10 * 60_000;
    const gaps: unknown[] = [];
    const second = startRecorderHeartbeat({ store: async () => store, held: () => true, now: clock, everyMs: 60_000, onGap: (g) => gaps.push(g) });
    await until(async () => (await store.gaps()).length === 1);
    second.stop();
    expect(await store.gaps()).toEqual([{ from: '2026-12-07T01:00:00.000Z', to: '2026-12-07T01:10:00.000Z', reason: 'no dashboard was recording' }]);

    // A takeover 20 s after the last beat is the handover's business, not a gap.
    t += 20_000;
    const third = startRecorderHeartbeat({ store: async () => store, held: () => true, now: clock, everyMs: 60_000, onGap: (g) => gaps.push(g) });
    await new Promise((r) => setTimeout(r, 200));
    third.stop();
    expect(gaps).toHaveLength(1);
    expect(await store.gaps()).toHaveLength(1);
  });

  it('does not beat while another replica records', async () => {
    const store = await openChangeStore({});
    stores.push(store);
    const hb = startRecorderHeartbeat({ store: async () => store, held: () => false, everyMs: 10 });
    await new Promise((r) => setTimeout(r, 100));
    hb.stop();
    expect(await store.beat(new Date().toISOString())).toBeUndefined();
  });
});
