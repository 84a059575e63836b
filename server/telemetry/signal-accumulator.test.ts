import { describe, expect, it } from 'vitest';
import { clusterOf, SignalAccumulator } from './signal-accumulator';

describe('SignalAccumulator', () => {
  it('classifies responses and gives error shares in percent', () => {
    const a = new SignalAccumulator();
    a.addRequests({ request_protocol: 'http', response_code: '200' }, 90);
    a.addRequests({ request_protocol: 'http', response_code: '503' }, 5);
    a.addRequests({ request_protocol: 'http', response_code: '404' }, 4);
    a.addRequests({ request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, 1);
    a.addRequests({ request_protocol: 'http', response_code: '200' }, NaN);
    expect(a.toSignals().errorPercent).toEqual({ http5xx: 5, http4xx: 4, grpc: 1, noResponse: 0 });
    expect(a.toSignals().rps).toBe(100);
  });

  it('merges buckets across clusters before taking quantiles', () => {
    const east = new SignalAccumulator();
    const west = new SignalAccumulator();
    for (const [le, v] of [['10', 10], ['100', 10], ['+Inf', 10]] as const) east.addBucket(le, v);
    for (const [le, v] of [['10', 0], ['100', 10], ['+Inf', 10]] as const) west.addBucket(le, v);
    const all = new SignalAccumulator().merge(east).merge(west);
    expect(all.toSignals().latencyMs.p50).toBe(10);
    expect(east.toSignals().latencyMs.p50).toBe(5);
    expect(new SignalAccumulator().toSignals().latencyMs).toEqual({ p50: null, p95: null, p99: null });
  });

  it('has no request rates until a series is seen', () => {
    const a = new SignalAccumulator();
    expect(a.requestRates()).toBeUndefined();
    a.addBucket('garbage', 1);
    expect(a.requestRates()).toBeUndefined();
  });

  it('takes the cluster label unless it is unknown', () => {
    expect(clusterOf('us-east-1', 'x')).toBe('us-east-1');
    expect(clusterOf('unknown', 'x')).toBe('x');
    expect(clusterOf(undefined, undefined)).toBeUndefined();
  });
});
