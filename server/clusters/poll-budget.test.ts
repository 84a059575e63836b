import { describe, expect, it } from 'vitest';
import { ListGate } from './list-gate';
import { PollBudget } from './poll-budget';

const budget = (over: Partial<ConstructorParameters<typeof PollBudget>[0]> = {}) => new PollBudget({ inFlight: 0.5, maxConcurrent: 2, maxHoldMs: 60_000, ...over });

describe('PollBudget', () => {
  it('keeps the configured interval for a small fleet and stretches it with the fleet and the round time', () => {
    const b = budget();
    const leave = Array.from({ length: 3 }, () => b.join());
    expect(b.intervalMs(10_000, 50)).toBe(10_000); // 3 x 50 ms / 0.5 = 300 ms of polling per round of the fleet
    for (let i = 0; i < 197; i++) b.join();
    expect(b.members).toBe(200);
    expect(b.intervalMs(10_000, 500)).toBe(200_000); // 200 x 500 ms / 0.5
    leave[0]!();
    leave[0]!(); // counted out once
    expect(b.members).toBe(199);
  });

  it('never runs more than its cap of rounds at once', async () => {
    const b = budget({ maxConcurrent: 2 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const release = await b.acquire();
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 3));
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(b.running).toBe(0);
  });

  it('lets no round start while LISTs are queued at the fleet gate', async () => {
    const lists = new ListGate(1, 60_000);
    const b = budget({ lists });
    const listing = await lists.acquire();
    const queuedList = lists.acquire();
    let polled = false;
    const poll = b.acquire().then((release) => {
      polled = true;
      release();
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(polled).toBe(false);
    listing();
    (await queuedList)();
    await poll;
    expect(polled).toBe(true);
  });

  it('rejects a budget of no polls in flight', () => {
    expect(() => budget({ inFlight: 0 })).toThrow(/polls in flight must be positive, got 0/);
  });
});
