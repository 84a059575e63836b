import 'server-only';
import type { Signals } from '@/lib/api/telemetry';
import type { RequestRates } from '@/lib/health/request-health';
import { addRate, classifyResponse, emptyRates } from '@/lib/health/response-class';
import { bucketQuantile, parseLe } from './histogram-quantile';

/** Request rates by class, duration bucket rates and TCP bytes of one group; merges exactly across clusters. */
export class SignalAccumulator {
  readonly rates: RequestRates = emptyRates();
  readonly buckets = new Map<number, number>();
  tcpBytes = 0;
  /** Whether any request series was seen (to tell idle from no data). */
  seen = false;

  /** Adds one istio_requests_total rate series, classified by its response labels. */
  addRequests(metric: Record<string, string>, rate: number): void {
    if (!Number.isFinite(rate)) return;
    this.seen = true;
    addRate(this.rates, classifyResponse(metric.request_protocol, metric.response_code, metric.grpc_response_status), rate);
  }

  /** Adds one duration bucket rate series (label `le`). */
  addBucket(le: string | undefined, rate: number): void {
    const bound = parseLe(le);
    if (Number.isNaN(bound) || !Number.isFinite(rate)) return;
    this.buckets.set(bound, (this.buckets.get(bound) ?? 0) + rate);
  }

  addTcp(rate: number): void {
    if (Number.isFinite(rate)) this.tcpBytes += rate;
  }

  merge(other: SignalAccumulator): this {
    this.seen ||= other.seen;
    for (const k of ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const) this.rates[k] += other.rates[k];
    for (const [le, v] of other.buckets) this.buckets.set(le, (this.buckets.get(le) ?? 0) + v);
    this.tcpBytes += other.tcpBytes;
    return this;
  }

  /** The request rates for health, or undefined when no request series was seen. */
  requestRates(): RequestRates | undefined {
    return this.seen || this.tcpBytes > 0 ? this.rates : undefined;
  }

  toSignals(): Signals {
    const pct = (n: number) => (this.rates.total > 0 ? round((n / this.rates.total) * 100) : 0);
    const q = (x: number) => {
      const v = bucketQuantile(x, this.buckets);
      return v === null ? null : round(v);
    };
    return {
      rps: round(this.rates.total),
      errorPercent: { http5xx: pct(this.rates.http5xx), http4xx: pct(this.rates.http4xx), grpc: pct(this.rates.grpc), noResponse: pct(this.rates.noResponse) },
      latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99) },
      tcpBytesPerSecond: round(this.tcpBytes),
    };
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A map of accumulators created on first use. */
export class AccumulatorMap<K> {
  readonly map = new Map<K, SignalAccumulator>();

  at(key: K): SignalAccumulator {
    let a = this.map.get(key);
    if (!a) this.map.set(key, (a = new SignalAccumulator()));
    return a;
  }
}

/**
 * The cluster a sample belongs to: its own cluster label (destination_cluster
 * for inbound metrics) unless missing or "unknown", else the cluster whose
 * Prometheus or cluster label the sample came from.
 */
export function clusterOf(label: string | undefined, scrapeCluster: string | undefined): string | undefined {
  return label && label !== 'unknown' ? label : scrapeCluster;
}
