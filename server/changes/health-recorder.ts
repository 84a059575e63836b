import 'server-only';
import type { FleetFacts } from '../telemetry/fleet-facts';
import { getServiceSignals } from '../telemetry/service-signals';
import type { TelemetryService } from '../telemetry/telemetry-service';
import type { ChangeSink } from './change-sink';
import { HealthTracker, type HealthSample } from './health-tracker';

/** Every service's health in every cluster, from the same signals the services page shows. */
export async function serviceHealthSamples(telemetry: TelemetryService, facts: FleetFacts): Promise<HealthSample[]> {
  const res = await getServiceSignals(telemetry, facts, {});
  return res.data.items.flatMap((s) => s.clusters.map((c) => ({ cluster: c.cluster, namespace: s.namespace, name: s.name, status: c.health.status, reasons: c.health.reasons })));
}

/**
 * Polls service health and records its changes (debounced by HealthTracker).
 * One poll at a time; a failed poll is skipped, not a change.
 */
export function startHealthRecorder(read: () => Promise<HealthSample[]>, sink: ChangeSink, opts: { everyMs?: number; now?: () => Date; onError?: (err: unknown) => void } = {}): { stop(): void } {
  const tracker = new HealthTracker();
  const now = opts.now ?? (() => new Date());
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const samples = await read();
      if (stopped) return;
      const entries = tracker.update(samples, now().toISOString());
      if (entries.length) sink.record(entries);
    } catch (err) {
      opts.onError?.(err);
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), opts.everyMs ?? 30_000);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), opts.everyMs ?? 30_000);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
