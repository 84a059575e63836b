import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary } from '@/lib/fleet/services';
import { errorShare, filterByHealth, isSignalSort, needsAllSignals, sortBySignal, withSignals } from './services-join';

const row = (name: string, kind: ServiceSummary['kind'] = 'Service'): ServiceSummary =>
  ({ kind, mesh: 'prod', namespace: 'bookinfo', name, hosts: [], clusters: ['a', 'b'], ports: [], endpoints: { ready: 1, notReady: 0 }, versions: [], proxies: 1, inconsistencies: [], dataplanes: [] });
const sig = (name: string, rps: number, http5xx: number, p95: number | null, status: ServiceSignals['health']['status']): ServiceSignals => {
  const signals = { rps, errorPercent: { http5xx, http4xx: 50, grpc: 0, noResponse: 0 }, latencyMs: { p50: null, p95, p99: null }, tcpBytesPerSecond: 0 };
  const health = { status, reasons: [] };
  return { namespace: 'bookinfo', name, signals, health, clusters: [{ cluster: 'a', signals, health }] };
};

const rows = [
  withSignals(row('details'), sig('details', 5, 7, 20, 'degraded')),
  withSignals(row('ratings'), sig('ratings', 9, 0, null, 'healthy')),
  withSignals(row('reviews'), sig('reviews', 1, 30, 300, 'failure')),
  withSignals(row('web', 'ServiceEntry'), undefined),
];
const names = (rs: ServiceSummary[]) => rs.map((r) => r.name);

describe('services list joined with signals', () => {
  it('adds signals, health and per-cluster signals to a row; leaves rows without signals alone', () => {
    expect(rows[0]).toMatchObject({ signals: { rps: 5 }, health: { status: 'degraded' }, clusterSignals: [{ cluster: 'a' }] });
    expect(rows[3]).not.toHaveProperty('signals');
  });

  it('sorts by rps, server-side error share, p95 and health (worst first), rows without a value last either way', () => {
    expect(names(sortBySignal(rows, 'rps'))).toEqual(['reviews', 'details', 'ratings', 'web']);
    expect(names(sortBySignal(rows, '-rps'))).toEqual(['ratings', 'details', 'reviews', 'web']);
    expect(names(sortBySignal(rows, '-errors'))).toEqual(['reviews', 'details', 'ratings', 'web']);
    expect(names(sortBySignal(rows, 'p95'))).toEqual(['details', 'reviews', 'ratings', 'web']);
    expect(names(sortBySignal(rows, 'health'))).toEqual(['reviews', 'details', 'ratings', 'web']);
    expect(names(sortBySignal(rows, '-health'))).toEqual(['ratings', 'details', 'reviews', 'web']);
    expect(errorShare(rows[0]!.signals)).toBe(7);
  });

  it('filters by health statuses; rows without health never match', () => {
    expect(names(filterByHealth(rows, ['degraded', 'failure']))).toEqual(['details', 'reviews']);
    expect(filterByHealth(rows, undefined)).toBe(rows);
  });

  it('knows which queries need every row’s signals', () => {
    expect(needsAllSignals({ sort: 'name' })).toBe(false);
    expect(needsAllSignals({ sort: '-p95' })).toBe(true);
    expect(needsAllSignals({ sort: 'name', health: ['degraded'] })).toBe(true);
    expect(isSignalSort('-endpoints')).toBe(false);
  });
});
