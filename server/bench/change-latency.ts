/**
 * Change-to-client latency: an object changed in a simulated cluster (through
 * the simulator's admin apply, i.e. its store) until the SSE event naming it
 * reaches a client of /api/v1/events. Sequential changes, spread over the
 * clusters, with a random pause between them so they do not line up with
 * ticks; each waits for its own event (10 s limit, counted as missed).
 */
import { applyProbe, openSse, probeKey, type FleetEvent } from './sse-client';
import { percentiles, type Percentiles } from './stats';

export interface ChangeLatencyResult {
  changes: number;
  missed: number;
  /** change applied (POST sent) -> SSE event received, ms */
  latencyMs: Percentiles;
  /** the POST alone (the simulator's part), ms */
  applyMs: Percentiles;
}

export async function measureChangeLatency(nextUrl: string, adminUrl: string, clusters: string[], changes: number): Promise<ChangeLatencyResult> {
  let waiting: { key: string; resolve: (at: number) => void } | undefined;
  const sse = openSse(`${nextUrl}/api/v1/events`, (e: FleetEvent, at) => {
    if (waiting && e.keys.includes(waiting.key)) {
      waiting.resolve(at);
      waiting = undefined;
    }
  });
  const lat: number[] = [];
  const apply: number[] = [];
  let missed = 0;
  try {
    await sse.opened;
    for (let i = 0; i < changes; i++) {
      const cluster = clusters[i % clusters.length]!;
      const key = probeKey(cluster);
      let timer: NodeJS.Timeout | undefined;
      const got = new Promise<number | undefined>((resolve) => {
        waiting = { key, resolve };
        timer = setTimeout(() => resolve(undefined), 10_000);
      });
      const t0 = performance.now();
      const applied = await applyProbe(adminUrl, cluster, Date.now()).then(() => true, () => false);
      apply.push(performance.now() - t0);
      // A change the simulator did not take is a missed measurement, not the end of the step.
      const at = applied ? await got : undefined;
      clearTimeout(timer);
      if (at === undefined) missed++;
      else lat.push(at - t0);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  } finally {
    sse.close();
  }
  return { changes, missed, latencyMs: percentiles(lat), applyMs: percentiles(apply) };
}
