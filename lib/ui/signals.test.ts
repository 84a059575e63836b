import { describe, expect, it } from 'vitest';
import { errorBreakdown, errorPercent } from './signals';

const s = { rps: 10, errorPercent: { http5xx: 2.5, http4xx: 0.75, grpc: 0, noResponse: 0 }, latencyMs: { p50: 1, p95: 2, p99: 3 } };

describe('signals', () => {
  it('sums server-side error classes, not 4xx', () => expect(errorPercent({ ...s, errorPercent: { ...s.errorPercent, grpc: 0.5 } })).toBe(3));
  it('lists only classes with errors', () => {
    expect(errorBreakdown(s)).toBe('5xx 2.5% · 4xx 0.75%');
    expect(errorBreakdown({ ...s, errorPercent: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 } })).toBe('');
  });
});
