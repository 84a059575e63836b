import { describe, expect, it } from 'vitest';
import { durationBucketsQuery, labelPresenceQuery, latencyQuantileQuery, mtlsShareQuery, requestRatesQuery, tcpBytesQuery } from './istio-queries';
import { promWindow } from './window';

const base = { reporter: 'destination' as const, window: '5m', groupBy: ['destination_cluster', 'destination_service_name'] };

describe('Istio PromQL builders', () => {
  it('groups request rates by response so one query gives every error class', () => {
    expect(requestRatesQuery({ ...base, matchers: [{ label: 'destination_service_namespace', op: '=', value: 'bookinfo' }] })).toBe(
      'sum by (destination_cluster,destination_service_name,request_protocol,response_code,grpc_response_status) ' +
        '(rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo"}[5m])) > 0',
    );
  });

  it('keeps a hostile namespace inside its string literal', () => {
    const q = requestRatesQuery({ ...base, matchers: [{ label: 'destination_service_namespace', op: '=', value: 'a"} or vector(1) or {x="' }] });
    expect(q).toContain('destination_service_namespace="a\\"} or vector(1) or {x=\\""');
    expect(q.match(/(?<!\\)"/g)?.length).toBe(4);
  });

  it('builds a latency quantile over the duration histogram with le in the grouping', () => {
    expect(latencyQuantileQuery(0.95, base)).toBe(
      'histogram_quantile(0.95, sum by (le,destination_cluster,destination_service_name) ' +
        '(rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))',
    );
    expect(() => latencyQuantileQuery(1.5, base)).toThrow(/quantile/);
  });

  it('sums TCP bytes both ways and computes the mTLS share', () => {
    expect(tcpBytesQuery({ ...base, groupBy: [] })).toBe(
      'sum (rate(istio_tcp_sent_bytes_total{reporter="destination"}[5m])) + sum (rate(istio_tcp_received_bytes_total{reporter="destination"}[5m]))',
    );
    expect(mtlsShareQuery(base)).toContain('connection_security_policy="mutual_tls"');
  });

  it('rejects windows that are not PromQL durations', () => {
    expect(promWindow('10s')).toBe('10s');
    expect(() => promWindow('5m]) or vector(1')).toThrow(/invalid time window/);
    expect(() => promWindow('0s')).toThrow(/outside/);
    expect(() => requestRatesQuery({ ...base, window: '1y' })).toThrow();
  });

  it('refuses a label name that could inject PromQL', () => {
    expect(() => requestRatesQuery({ ...base, groupBy: ['cluster) or vector(1'] })).toThrow(/label name/);
  });
});

describe('bucket and presence builders', () => {
  it('sums bucket rates with le in the grouping', () => {
    expect(durationBucketsQuery({ ...base, matchers: [{ label: 'destination_cluster', op: '=~', values: ['a"b'] }] })).toBe(
      'sum by (le,destination_cluster,destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_cluster=~"a\\"b"}[5m]))',
    );
  });

  it('asks which cluster label values exist', () => {
    expect(labelPresenceQuery(['cluster'], '1m')).toBe('group by (cluster) (last_over_time(istio_requests_total{}[1m]))');
    expect(() => labelPresenceQuery([], '1m')).toThrow();
    expect(() => labelPresenceQuery(['a b'], '1m')).toThrow(/label name/);
  });
});
