import { describe, expect, it } from 'vitest';
import type { HealthStatus } from '@/lib/health/health-status';
import { HealthTracker } from './health-tracker';

const poll = (t: HealthTracker, status: HealthStatus, reasons: string[] = []) => t.update([{ cluster: 'us-east-1', namespace: 'bookinfo', name: 'reviews', status, reasons }], '2026-12-07T01:00:00.000Z');

describe('HealthTracker', () => {
  it('takes the first poll as the baseline and records a change once two polls agree', () => {
    const t = new HealthTracker();
    expect(poll(t, 'healthy')).toEqual([]);
    expect(poll(t, 'failure', ['HTTP 5xx at 100%'])).toEqual([]);
    const [e] = poll(t, 'failure', ['HTTP 5xx at 100%']);
    expect(e).toMatchObject({ cluster: 'us-east-1', category: 'health', namespace: 'bookinfo', name: 'reviews', diff: [{ path: 'health', before: 'healthy', after: 'failure' }], services: ['bookinfo/reviews'] });
    expect(e!.summary).toBe('reviews.bookinfo in us-east-1: healthy → failure (HTTP 5xx at 100%)');
    expect(poll(t, 'failure')).toEqual([]);
    poll(t, 'healthy');
    expect(poll(t, 'healthy')).toHaveLength(1);
  });

  it('ignores one noisy poll, unknown telemetry, and moves between quiet states', () => {
    const t = new HealthTracker();
    poll(t, 'healthy');
    expect(poll(t, 'degraded')).toEqual([]);
    expect(poll(t, 'healthy')).toEqual([]);
    expect(poll(t, 'degraded')).toEqual([]);
    expect(poll(t, 'unknown')).toEqual([]);
    expect(poll(t, 'unknown')).toEqual([]);
    expect(poll(t, 'idle')).toEqual([]);
    expect(poll(t, 'idle')).toEqual([]);
    // idle is now settled: idle → failure is notable.
    poll(t, 'failure');
    expect(poll(t, 'failure')).toMatchObject([{ diff: [{ before: 'idle', after: 'failure' }] }]);
  });
});
