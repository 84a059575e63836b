import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListGate } from './list-gate';

describe('ListGate', () => {
  afterEach(() => vi.useRealTimers());

  it('never has more than its limit in flight and serves waiters in order', async () => {
    const gate = new ListGate(3, 60_000);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const job = async (i: number) => {
      const release = await gate.acquire();
      running++;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise((r) => setTimeout(r, 5 + (i % 4)));
      running--;
      release();
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => job(i)));
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(gate.inFlight).toBe(0);
  });

  it('gives the slot back when the holder fails, and a second release does nothing', async () => {
    const gate = new ListGate(1, 60_000);
    const failing = async () => {
      const release = await gate.acquire();
      try {
        throw new Error('list failed');
      } finally {
        release();
        release();
      }
    };
    await expect(failing()).rejects.toThrow('list failed');
    expect(gate.inFlight).toBe(0);
    const r1 = await gate.acquire();
    const second = gate.acquire();
    r1();
    r1();
    (await second)();
    expect(gate.inFlight).toBe(0);
  });

  it('drops a waiter whose signal aborts, without taking a slot', async () => {
    const gate = new ListGate(1, 60_000);
    const held = await gate.acquire();
    const ac = new AbortController();
    const waiting = gate.acquire(ac.signal);
    const next = gate.acquire();
    expect(gate.queued).toBe(2);
    ac.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    expect(gate.queued).toBe(1);
    held();
    const r = await next;
    expect(gate.inFlight).toBe(1);
    r();
    await expect(gate.acquire(ac.signal)).rejects.toThrow('stopped');
    expect(gate.inFlight).toBe(0);
  });

  it('takes a slot back from a holder that keeps it past maxHoldMs (a hung cluster does not block the fleet)', async () => {
    vi.useFakeTimers();
    const gate = new ListGate(1, 1_000);
    const hung = await gate.acquire();
    let got = false;
    void gate.acquire().then(() => (got = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(got).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toBe(true);
    expect(gate.inFlight).toBe(1);
    // The late release of the hung holder must not free the new holder's slot.
    hung();
    await Promise.resolve();
    expect(gate.inFlight).toBe(1);
  });

  it('refuses a limit below 1', () => {
    expect(() => new ListGate(0, 1000)).toThrow();
  });

  describe('drained', () => {
    it('resolves at once when nobody waits, and only after the queue empties otherwise', async () => {
      const gate = new ListGate(1, 60_000);
      await gate.drained();
      const first = await gate.acquire();
      const second = gate.acquire();
      let drained = false;
      const waiting = gate.drained().then(() => (drained = true));
      await Promise.resolve();
      expect(drained).toBe(false);
      first(); // the waiter gets the slot: the queue is empty, though a slot is still held
      await waiting;
      expect(drained).toBe(true);
      expect(gate.inFlight).toBe(1);
      (await second)();
    });

    it('resolves when the last waiter gives up, or when its own signal aborts', async () => {
      const gate = new ListGate(1, 60_000);
      const held = await gate.acquire();
      const ac = new AbortController();
      const queued = gate.acquire(ac.signal).catch(() => 'aborted');
      const drained = gate.drained();
      ac.abort();
      expect(await queued).toBe('aborted');
      await drained;
      expect(gate.queued).toBe(0);

      const stillQueued = gate.acquire();
      const mine = new AbortController();
      const wait = gate.drained(mine.signal);
      mine.abort();
      await wait;
      expect(gate.queued).toBe(1);
      held();
      (await stillQueued)();
    });
  });
});
