import { describe, expect, it } from 'vitest';
import { servicesQuerySchema } from './services';
import { workloadsQuerySchema } from './workloads';

describe('servicesQuerySchema', () => {
  it('reads health as a comma list and accepts the telemetry orders', () => {
    expect(servicesQuerySchema.parse({ health: 'degraded, failure', sort: '-errors', window: '1m' })).toMatchObject({ health: ['degraded', 'failure'], sort: '-errors', window: '1m' });
  });

  it('refuses unknown statuses, orders and windows', () => {
    expect(servicesQuerySchema.safeParse({ health: 'sick' }).success).toBe(false);
    expect(servicesQuerySchema.safeParse({ health: '' }).success).toBe(false);
    expect(servicesQuerySchema.safeParse({ sort: 'latency' }).success).toBe(false);
    expect(servicesQuerySchema.safeParse({ window: '1y' }).success).toBe(false);
  });
});

describe('dataplane filters', () => {
  it('take the modes the API answers, and refuse others', () => {
    expect(servicesQuerySchema.parse({ dataplane: 'mixed' }).dataplane).toBe('mixed');
    expect(workloadsQuerySchema.parse({ dataplane: 'ambient' }).dataplane).toBe('ambient');
    // A workload has one mode: 'mixed' is a service's only.
    expect(workloadsQuerySchema.safeParse({ dataplane: 'mixed' }).success).toBe(false);
    expect(servicesQuerySchema.safeParse({ dataplane: 'waypoint' }).success).toBe(false);
  });
});
