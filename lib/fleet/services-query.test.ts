import { describe, expect, it } from 'vitest';
import { servicesQuerySchema } from './services';

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
