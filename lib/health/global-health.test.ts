import { describe, expect, it } from 'vitest';
import { globalServiceHealth } from './global-health';
import { serviceInstanceHealth, workloadHealth } from './instance-health';
import type { RequestRates } from './request-health';

const rates = (over: Partial<RequestRates>): RequestRates => ({ total: 100, http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0, ...over });
const healthy = { status: 'healthy' as const, reasons: ['error rates within tolerance'] };

describe('globalServiceHealth', () => {
  it('names the one failing cluster and says only', () => {
    const h = globalServiceHealth([
      { cluster: 'us-east-1', health: healthy },
      { cluster: 'us-west-2', health: { status: 'failure', reasons: ['HTTP 5xx at 12% (failure at 10%)'] } },
    ]);
    expect(h).toEqual({ status: 'failure', reasons: ['failing in us-west-2 only: HTTP 5xx at 12% (failure at 10%)'] });
  });

  it('lists every degraded cluster', () => {
    const d = { status: 'degraded' as const, reasons: ['x'] };
    expect(globalServiceHealth([{ cluster: 'a', health: d }, { cluster: 'b', health: d }]).reasons).toEqual(['degraded in a: x', 'degraded in b: x']);
    expect(globalServiceHealth([{ cluster: 'a', health: d }, { cluster: 'b', health: d }, { cluster: 'c', health: healthy }]).reasons.at(-1)).toBe('degraded in a, b only');
  });

  it('is unknown without clusters and says where it is healthy', () => {
    expect(globalServiceHealth([]).status).toBe('unknown');
    expect(globalServiceHealth([{ cluster: 'a', health: healthy }, { cluster: 'b', health: { status: 'idle', reasons: [] } }])).toEqual({ status: 'healthy', reasons: ['healthy in a'] });
  });
});

describe('instance and workload health', () => {
  it('treats a DNS-only instance with no traffic as idle', () => {
    expect(serviceInstanceHealth(rates({ total: 0 }), { desired: 0, ready: 0 })).toEqual({ status: 'idle', reasons: ['no endpoints in this cluster'] });
    expect(serviceInstanceHealth(undefined, { desired: 0, ready: 0 }).status).toBe('idle');
  });

  it('judges traffic even where there are no endpoints', () => {
    expect(serviceInstanceHealth(rates({ noResponse: 50 }), { desired: 0, ready: 0 }).status).toBe('failure');
  });

  it('combines request health with readiness and proxy sync', () => {
    expect(serviceInstanceHealth(rates({}), { desired: 2, ready: 1 }).status).toBe('degraded');
    expect(serviceInstanceHealth(rates({ http5xx: 5 }), { desired: 2, ready: 2 }).reasons[0]).toMatch(/HTTP 5xx at 5.0%/);
    expect(workloadHealth(rates({ total: 0 }), { desired: 2, ready: 2, unsyncedProxies: 1 })).toEqual({ status: 'degraded', reasons: ['1 proxy not in sync with istiod'] });
    expect(workloadHealth(undefined, { desired: 3, ready: 0 }).status).toBe('failure');
  });
});
