import 'server-only';
import type { ToleranceRule } from '@/lib/health/tolerances';
import type { TelemetryConfig } from '../config/schema';
import { TelemetryClient } from './fan-out';
import type { LatencyBaseline } from './latency-regression-queries';
import { telemetrySources } from './telemetry-sources';

/** What every telemetry read needs: the fan-out client, the default window and the health tolerances. */
export interface TelemetryService {
  client: TelemetryClient;
  window: string;
  tolerances: ToleranceRule[];
  /** How long answers are reused (the client's query cache, and joined results built on it). */
  cacheSeconds: number;
  /** What an edge's latency is compared with (telemetry.latencyBaseline; DEFAULT_LATENCY_BASELINE when absent). */
  latencyBaseline?: LatencyBaseline;
}

/** Builds the service from the `telemetry` config section (tests pass an explicit config). */
export function createTelemetryService(cfg: TelemetryConfig, resolvePath?: (p: string) => string): TelemetryService {
  const client = new TelemetryClient(telemetrySources(cfg, resolvePath), { cacheSeconds: cfg.cacheSeconds, maxConcurrency: cfg.maxConcurrency });
  return { client, window: cfg.window, tolerances: cfg.tolerances, cacheSeconds: cfg.cacheSeconds, latencyBaseline: cfg.latencyBaseline };
}
