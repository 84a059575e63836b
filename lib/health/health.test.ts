import { describe, expect, it } from 'vitest';
import { combineHealth, worse } from './health-status';
import { readinessHealth } from './readiness-health';
import { requestHealth, type RequestRates } from './request-health';
import { tolerancesFor } from './tolerances';

const rates = (over: Partial<RequestRates>): RequestRates => ({ total: 100, http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0, ...over });

describe('requestHealth with Kiali defaults', () => {
  it('is healthy with no errors', () => {
    expect(requestHealth(rates({})).status).toBe('healthy');
  });
  it('degrades on any 5xx and fails at 10%', () => {
    expect(requestHealth(rates({ http5xx: 0.01 })).status).toBe('degraded');
    expect(requestHealth(rates({ http5xx: 9.99 })).status).toBe('degraded');
    expect(requestHealth(rates({ http5xx: 10 }))).toEqual({ status: 'failure', reasons: ['HTTP 5xx at 10% (failure at 10%)'] });
  });
  it('tolerates 4xx below 10%, degrades at 10%, fails at 20%', () => {
    expect(requestHealth(rates({ http4xx: 9.9 })).status).toBe('healthy');
    expect(requestHealth(rates({ http4xx: 10 })).status).toBe('degraded');
    expect(requestHealth(rates({ http4xx: 20 })).status).toBe('failure');
  });
  it('treats gRPC errors and missing responses like 5xx', () => {
    expect(requestHealth(rates({ grpc: 1 })).status).toBe('degraded');
    expect(requestHealth(rates({ noResponse: 12 })).status).toBe('failure');
  });
  it('gives every reason of the worst status', () => {
    expect(requestHealth(rates({ http5xx: 11, grpc: 15 })).reasons).toHaveLength(2);
  });
  it('says idle with no traffic and unknown with no telemetry', () => {
    expect(requestHealth(rates({ total: 0 })).status).toBe('idle');
    expect(requestHealth(undefined).status).toBe('unknown');
  });
});

describe('tolerancesFor', () => {
  const rules = [{ namespace: 'batch-*', tolerances: [{ errorClass: 'http5xx' as const, degraded: 5, degradedInclusive: true, failure: 50 }] }];
  it('uses the first matching rule and keeps defaults for other classes', () => {
    const t = tolerancesFor(rules, 'batch-jobs', 'etl');
    expect(requestHealth(rates({ http5xx: 4 }), t).status).toBe('healthy');
    expect(requestHealth(rates({ http5xx: 30 }), t).status).toBe('degraded');
    expect(requestHealth(rates({ grpc: 1 }), t).status).toBe('degraded');
  });
  it('falls back to the defaults when nothing matches, without treating glob text as regex', () => {
    expect(requestHealth(rates({ http5xx: 4 }), tolerancesFor(rules, 'batchXjobs', 'etl')).status).toBe('degraded');
  });
});

describe('readinessHealth', () => {
  it('follows the replica rules', () => {
    expect(readinessHealth({ desired: 0, ready: 0 }).status).toBe('not-ready');
    expect(readinessHealth({ desired: 3, ready: 0 }).status).toBe('failure');
    expect(readinessHealth({ desired: 3, ready: 2 })).toEqual({ status: 'degraded', reasons: ['2 of 3 endpoints ready'] });
    expect(readinessHealth({ desired: 3, ready: 3, unsyncedProxies: 1 }).reasons).toEqual(['1 proxy not in sync with istiod']);
    expect(readinessHealth({ desired: 3, ready: 3 }).status).toBe('healthy');
  });
});

describe('combining', () => {
  it('orders failure > degraded > not-ready > healthy > idle > unknown', () => {
    expect(worse('degraded', 'failure')).toBe('failure');
    expect(worse('not-ready', 'healthy')).toBe('not-ready');
    expect(worse('idle', 'healthy')).toBe('healthy');
    expect(combineHealth([]).status).toBe('unknown');
    expect(combineHealth([{ status: 'healthy', reasons: ['a'] }, { status: 'degraded', reasons: ['b'] }])).toEqual({ status: 'degraded', reasons: ['b'] });
  });
});
