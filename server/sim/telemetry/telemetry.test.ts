import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFleet } from '../fleet/demo-fleet';
import { LogNormal } from './distribution';
import { renderClusterMetrics } from './exposition';
import { escapeLabelValue } from './labels';
import { parseExposition as parse, type Sample } from './parse-text';
import { TrafficModel } from './traffic-model';

function modelAt() {
  let now = 1_700_000_000_000;
  const model = new TrafficModel(demoFleet(), () => now);
  return { model, advance: (s: number) => (now += s * 1000), now: () => now };
}

describe('traffic model and exposition', () => {
  it('renders parseable text with the families, label set and both reporters', () => {
    const { model, advance } = modelAt();
    advance(60);
    const text = renderClusterMetrics(model, 'us-east-1');
    const { samples, types } = parse(text);
    expect(types.get('istio_requests_total')).toBe('counter');
    expect(types.get('istio_request_duration_milliseconds')).toBe('histogram');
    for (const f of ['istio_request_bytes', 'istio_response_bytes']) expect(types.get(f)).toBe('histogram');
    for (const f of ['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total', 'istio_tcp_connections_opened_total', 'istio_tcp_connections_closed_total']) expect(types.get(f)).toBe('counter');
    const reqs = samples.filter((s) => s.name === 'istio_requests_total');
    expect(new Set(reqs.map((s) => s.labels.reporter))).toEqual(new Set(['source', 'destination']));
    const required = ['source_workload', 'source_workload_namespace', 'source_canonical_service', 'source_canonical_revision', 'source_cluster', 'source_principal', 'destination_workload', 'destination_workload_namespace', 'destination_canonical_service', 'destination_canonical_revision', 'destination_cluster', 'destination_service', 'destination_service_name', 'destination_service_namespace', 'request_protocol', 'response_code', 'grpc_response_status', 'response_flags', 'connection_security_policy'];
    for (const s of reqs) for (const l of required) expect(s.labels, l).toHaveProperty(l);
    // A cross-network call reported by the client cluster.
    expect(reqs.some((s) => s.labels.reporter === 'source' && s.labels.destination_cluster === 'us-west-2' && s.labels.destination_workload === 'reviews-v3')).toBe(true);
    // Buckets are cumulative and end with +Inf == _count.
    const buckets = samples.filter((s) => s.name === 'istio_request_duration_milliseconds_bucket' && s.labels.destination_workload === 'details-v1' && s.labels.reporter === 'destination' && s.labels.response_code === '200');
    expect(buckets.length).toBe(20);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]?.value).toBeGreaterThanOrEqual(buckets[i - 1]?.value ?? 0);
    expect(buckets.at(-1)?.labels.le).toBe('+Inf');
  });

  it('passes promtool check metrics when promtool is installed', () => {
    if (!existsSync('/usr/bin/promtool')) return;
    const { model, advance } = modelAt();
    advance(30);
    const dir = mkdtempSync(join(tmpdir(), 'sim-metrics-'));
    try {
      const file = join(dir, 'metrics.txt');
      writeFileSync(file, renderClusterMetrics(model, 'us-east-1'));
      const r = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: readFileSync(file), encoding: 'utf8' });
      // Only naming lints are allowed (Istio's own names use milliseconds); parse errors fail.
      const findings = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
      for (const f of findings) expect(f).toMatch(/use base unit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('advances counters at the modelled rate and keeps them monotone across scenario changes', () => {
    const { model, advance } = modelAt();
    const read = () => {
      const { samples } = parse(renderClusterMetrics(model, 'us-east-1'));
      const sum = (pred: (s: Sample) => boolean) => samples.filter(pred).reduce((a, s) => a + s.value, 0);
      return sum((s) => s.name === 'istio_requests_total' && s.labels.reporter === 'destination' && s.labels.destination_workload === 'details-v1');
    };
    advance(10);
    const a = read();
    advance(100);
    const b = read();
    expect((b - a) / 100).toBeCloseTo(12, 0);
    model.setAdjuster((e) => (e.spec.destination.workload === 'details-v1' ? { rps: 2 } : undefined));
    const c = read();
    expect(c).toBeGreaterThanOrEqual(b);
    advance(100);
    expect((read() - c) / 100).toBeCloseTo(2, 0);
  });

  it('fits the latency distribution to p50 and p99', () => {
    const d = new LogNormal(20, 110);
    expect(d.quantile(0.5)).toBeCloseTo(20, 3);
    expect(d.quantile(0.99)).toBeCloseTo(110, 1);
  });

  it('escapes label values per the text format', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });
});
