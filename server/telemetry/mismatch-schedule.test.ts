import { describe, expect, it } from 'vitest';
import { nextMismatchCheck, sameMismatches } from './mismatch-schedule';

const opts = { intervalMs: 60_000, warmupIntervalMs: 10_000 };
const staging = { cluster: 'staging-eu', telemetryCluster: 'staging', detail: 'label cluster' };

describe('nextMismatchCheck', () => {
  it('keeps the warm-up interval while nothing could be published', () => {
    expect(nextMismatchCheck(undefined, { unaccounted: 0 }, 0, opts)).toEqual({ delayMs: 10_000, unsettledInARow: 0 });
  });

  it('checks again soon after a first result, then settles when two checks agree', () => {
    const first = nextMismatchCheck(undefined, { list: [], unaccounted: 0 }, 0, opts);
    expect(first).toEqual({ delayMs: 10_000, unsettledInARow: 1 });
    expect(nextMismatchCheck([], { list: [], unaccounted: 0 }, first.unsettledInARow, opts)).toEqual({ delayMs: 60_000, unsettledInARow: 0 });
  });

  it('a changed list is not settled: a partial first check is corrected within the warm-up interval', () => {
    expect(nextMismatchCheck([], { list: [staging], unaccounted: 0 }, 0, opts).delayMs).toBe(10_000);
  });

  it('an unaccounted cluster backs off from the warm-up interval to the normal one', () => {
    const delays: number[] = [];
    let streak = 0;
    for (let i = 0; i < 5; i++) {
      const next = nextMismatchCheck([staging], { list: [staging], unaccounted: 1 }, streak, opts);
      delays.push(next.delayMs);
      streak = next.unsettledInARow;
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});

describe('sameMismatches', () => {
  it('ignores order and sees a changed pairing', () => {
    const other = { telemetryCluster: 'x', detail: 'label cluster from global' };
    expect(sameMismatches([staging, other], [other, staging])).toBe(true);
    expect(sameMismatches([staging], [{ ...staging, cluster: 'prod' }])).toBe(false);
    expect(sameMismatches([staging], [])).toBe(false);
  });
});
