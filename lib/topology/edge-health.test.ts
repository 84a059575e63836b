import { describe, expect, it } from 'vitest';
import { requestHealth, type RequestRates } from '../health/request-health';
import { DEFAULT_TOLERANCES, type Tolerance } from '../health/tolerances';
import { edgeRequestHealth, requestStatus } from './edge-health';

let seed = 3;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Rates on and around every threshold: zero, tiny, exact 10% and 20% shares, NaN and infinite totals. */
function someRates(): RequestRates {
  const total = pick([0, 0.5, 1, 10, 100, 3.7, NaN, Infinity]);
  const share = () => pick([0, 0, 0.0005, 0.001, 0.05, 0.1, 0.2, 0.5, 1, rand()]) * total;
  return { total, http5xx: share(), http4xx: share(), grpc: share(), noResponse: share() };
}
const strict: Tolerance[] = [{ errorClass: 'http5xx', degraded: 5, degradedInclusive: false, failure: 50 }, ...DEFAULT_TOLERANCES.slice(1)];

describe('edgeRequestHealth', () => {
  it('gives the status and reasons of requestHealth, for any rates and tolerances', () => {
    for (let i = 0; i < 2_000; i++) {
      const rates = someRates();
      const tolerances = pick([DEFAULT_TOLERANCES, strict, []]);
      const want = requestHealth(rates, tolerances);
      expect(requestStatus(rates, tolerances)).toBe(want.status);
      const got = edgeRequestHealth(rates, tolerances);
      expect({ status: got.status, reasons: got.reasons }).toEqual(want);
    }
  });

  it('keeps the verdict of the rates it judged when they change later', () => {
    const rates = { total: 100, http5xx: 20, http4xx: 0, grpc: 0, noResponse: 0 };
    const h = edgeRequestHealth(rates);
    rates.http5xx = 0;
    expect(h.status).toBe('failure');
    expect(h.reasons).toEqual(['HTTP 5xx at 20% (failure at 10%)']);
    expect(h.reasons).toBe(h.reasons);
  });
});
