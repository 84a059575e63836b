import 'server-only';
import type { TelemetryClusterMismatch } from '@/lib/analysis/types';
import type { Logger } from '../log/logger';
import type { FleetFacts } from './fleet-facts';
import { findClusterLabels, telemetryMismatches } from './label-check';
import { nextMismatchCheck, type MismatchCheckOutcome } from './mismatch-schedule';
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
  /** Then every this long (ms, default 60 s) once two checks agree and every cluster is accounted for. */
  intervalMs?: number;
  /** While no metric names any cluster yet (Prometheus warming up), check this often instead (ms, default 10 s); an unsettled result backs off from here. */
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
  const schedule = { intervalMs: opts.intervalMs ?? 60_000, warmupIntervalMs: opts.warmupIntervalMs ?? 10_000 };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let previous: TelemetryClusterMismatch[] | undefined;
  let unsettledInARow = 0;
  const run = async (): Promise<MismatchCheckOutcome> => {
    const facts = opts.facts();
    const clusters = facts.clusters();
    if (clusters.length === 0) return { unaccounted: 0 };
    const labels = await findClusterLabels(opts.svc, clusters, opts.svc.window);
    if (Object.values(labels.presence.clusters).every((c) => c.state !== 'ok') || labels.found.length === 0) return { unaccounted: 0 };
    const list = telemetryMismatches(clusters, labels);
    opts.publish(list);
    const named = new Set([...labels.found.map((f) => f.value), ...list.flatMap((m) => (m.cluster ? [m.cluster] : []))]);
    return { list, unaccounted: clusters.filter((c) => !named.has(c)).length };
  };
  const loop = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      run().then(
        (outcome) => {
          const next = nextMismatchCheck(previous, outcome, unsettledInARow, schedule);
          previous = outcome.list ?? previous;
          unsettledInARow = next.unsettledInARow;
          loop(next.delayMs);
        },
        (err: unknown) => {
          opts.logger?.warn({ err: (err as Error).message }, 'telemetry cluster-label check failed');
          loop(schedule.intervalMs);
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
    check: async () => (await run()).list,
  };
}
