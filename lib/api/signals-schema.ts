import { z } from 'zod';

// The signal and health shapes on their own (no hooks), so that other schemas (lib/fleet/services.ts) can embed them.

/** A status with its reasons, as lib/health computes it. */
export const healthSchema = z.object({
  status: z.enum(['failure', 'degraded', 'not-ready', 'healthy', 'idle', 'unknown']),
  reasons: z.array(z.string()),
});

/** Golden signals over one window: rates per second, error shares in percent, latency in ms (null when no histogram data). */
export const signalsSchema = z.object({
  rps: z.number(),
  errorPercent: z.object({ http5xx: z.number(), http4xx: z.number(), grpc: z.number(), noResponse: z.number() }),
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }),
  tcpBytesPerSecond: z.number(),
});
export type Signals = z.infer<typeof signalsSchema>;

/** One cluster's instance of a service or workload, with its signals and health. */
export const clusterSignalsSchema = z.object({ cluster: z.string(), signals: signalsSchema, health: healthSchema });

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** Whether a duration such as 30s or 6h lies between 1 s and 7 days. */
export function inBounds(v: string): boolean {
  const seconds = Number(v.slice(0, -1)) * (UNIT[v.slice(-1)] ?? NaN);
  return seconds >= 1 && seconds <= 7 * 86400;
}

/** A rate window such as 30s, 5m or 1h (at least 1s). */
export const telemetryWindowSchema = z
  .string()
  .regex(/^\d{1,6}(s|m|h)$/, 'a duration such as 30s, 5m or 1h')
  .refine((v) => inBounds(v), 'must be between 1s and 7d')
  .optional();
