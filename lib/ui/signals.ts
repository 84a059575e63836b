/** The shape of golden signals the telemetry API sends (kept structural so lib/ui needs no API import). */
export interface SignalsLike {
  rps: number;
  errorPercent: { http5xx: number; http4xx: number; grpc: number; noResponse: number };
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

/**
 * Share of requests that failed on the server side (5xx, gRPC errors, no response), in percent:
 * the same "error %" the topology's edges carry; 4xx is the caller's fault and shows in the breakdown.
 */
export function errorPercent(s: SignalsLike): number {
  const e = s.errorPercent;
  return e.http5xx + e.grpc + e.noResponse;
}

/** A one-line breakdown for tooltips: "5xx 2.1% · 4xx 0.8%"; empty when there are no errors. */
export function errorBreakdown(s: SignalsLike): string {
  const e = s.errorPercent;
  const parts: [string, number][] = [['5xx', e.http5xx], ['4xx', e.http4xx], ['gRPC', e.grpc], ['no response', e.noResponse]];
  return parts.filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v.toFixed(v < 1 ? 2 : 1)}%`).join(' · ');
}
