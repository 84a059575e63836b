import 'server-only';
import type { TelemetryClusterMismatch } from '@/lib/analysis/types';
import type { Logger } from '../log/logger';
import type { FleetFacts } from './fleet-facts';
import { findClusterLabels, telemetryMismatches } from './label-check';
import type { TelemetryService } from './telemetry-service';

/** Where the feed sends its results and how often it checks. */
export interface MismatchFeedOptions {
  svc: TelemetryService;
  /** The whole fleet's facts (analysis is fleet-wide; findings are cut to the caller's scope later). */
  facts: () => FleetFacts;
  /** Receives each check's list (the analysis engine's setTelemetryMismatches). */
  publish: (list: TelemetryClusterMismatch[]) => void;
  /** First check after this long (ms, default 5 s): the fleet and Prometheus need a moment. */
  firstDelayMs?: number;
  /** Then every this long (ms, default 60 s). */
  intervalMs?: number;
  /** While no metric names any cluster yet (Prometheus warming up), check this often instead (ms, default 10 s). */
  warmupIntervalMs?: number;
  logger?: Logger;
}

/** A running feed: `stop()` ends its timer; `check()` runs one check now. */
export interface MismatchFeed {
  stop(): void;
  check(): Promise<TelemetryClusterMismatch[] | undefined>;
}

/**
 * Compares fleet cluster names with the names request metrics carry, on a
 * timer, and publishes the mismatches (rule MG0018). A check that cannot ask
 * Prometheus publishes nothing, so the last known list stays; the status
 * route's per-request answer is separate.
 */
export function startMismatchFeed(opts: MismatchFeedOptions): MismatchFeed {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const check = async (): Promise<TelemetryClusterMismatch[] | undefined> => {
    const facts = opts.facts();
    const clusters = facts.clusters();
    if (clusters.length === 0) return undefined;
    const labels = await findClusterLabels(opts.svc, clusters, opts.svc.window);
    if (Object.values(labels.presence.clusters).every((c) => c.state !== 'ok') || labels.found.length === 0) return undefined;
    const list = telemetryMismatches(clusters, labels);
    opts.publish(list);
    return list;
  };
  const loop = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      check().then(
        (list) => loop(list ? (opts.intervalMs ?? 60_000) : (opts.warmupIntervalMs ?? 10_000)),
        (err: unknown) => {
          opts.logger?.warn({ err: (err as Error).message }, 'telemetry cluster-label check failed');
          loop(opts.intervalMs ?? 60_000);
        },
      );
    }, delay);
    timer.unref();
  };
  loop(opts.firstDelayMs ?? 5_000);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    check,
  };
}
