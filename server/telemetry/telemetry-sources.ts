import 'server-only';
import type { TelemetryConfig } from '../config/schema';
import { resolveEndpoint, type PromEndpoint } from './prometheus-client';

/** One Prometheus-compatible endpoint and the clusters whose metrics it holds. */
export interface TelemetrySource {
  /** 'global', or the cluster name in per-cluster mode. */
  id: string;
  endpoint: PromEndpoint;
  /** The cluster this source serves in per-cluster mode; undefined for the global source (it serves every cluster). */
  cluster?: string;
}

/** The configured sources, the mode and the label that names a cluster in global mode. */
export interface TelemetrySources {
  mode: TelemetryConfig['mode'];
  clusterLabel?: string;
  sources: TelemetrySource[];
}

/**
 * Turns the telemetry config into ready endpoints (token and CA files read once).
 * A source whose files cannot be read is left out and named in `broken`, so one
 * bad secret path does not take telemetry down for the whole fleet.
 */
export function telemetrySources(cfg: TelemetryConfig, resolvePath: (p: string) => string = (p) => p): TelemetrySources & { broken: Record<string, string> } {
  const timeoutMs = cfg.timeoutSeconds * 1000;
  const broken: Record<string, string> = {};
  const make = (id: string, e: Parameters<typeof resolveEndpoint>[0], cluster?: string): TelemetrySource | undefined => {
    try {
      return { id, endpoint: resolveEndpoint(e, timeoutMs, resolvePath), ...(cluster ? { cluster } : {}) };
    } catch (err) {
      // The file path and URL stay out: this reason reaches every caller that sees the cluster.
      broken[id] = `cannot load the credentials of telemetry source ${id} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}): check its token, password and CA files`;
      return undefined;
    }
  };
  if (cfg.mode === 'global' && cfg.global) {
    const s = make('global', cfg.global);
    return { mode: 'global', clusterLabel: cfg.global.clusterLabel, sources: s ? [s] : [], broken };
  }
  if (cfg.mode === 'per-cluster') {
    const sources = Object.entries(cfg.perCluster)
      .map(([cluster, e]) => make(cluster, e, cluster))
      .filter((s): s is TelemetrySource => s !== undefined);
    return { mode: 'per-cluster', sources, broken };
  }
  return { mode: 'none', sources: [], broken };
}
