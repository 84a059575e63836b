/**
 * The config-churn scenario scaled to a whole fleet, driven from the runner
 * through the simulator's admin endpoint (POST /clusters/{c}/apply, i.e. its
 * store; watches see MODIFIED): every CHURN_INTERVAL_MS each cluster's
 * VirtualService `churn` gets the scenario's next weight, the clusters
 * spread over the interval. The send time of each apply the simulator took
 * is kept per cluster, in order, for pairing with the model's arrivals.
 */
import { CHURN_INTERVAL_MS } from '../sim/scenarios/config-churn';
import { percentiles, type Percentiles } from './stats';

const WEIGHTS = [90, 70, 50, 30, 50, 70];
// Each cluster's place in the cycle, kept across runs: every apply changes the weight (neighbours in the cycle differ), so every one is an entry.
const step = new Map<string, number>();

/** Where one cluster's churn VirtualService lives and routes. */
export interface ChurnTarget {
  cluster: string;
  namespace: string;
  host: string;
}

export interface ChurnResult {
  seconds: number;
  applied: number;
  failed: number;
  /** Slots not sent: the cluster's previous apply still in flight, or every lane busy. */
  skipped: number;
  /** Per second, over the window: the fleet-wide churn rate. */
  appliesPerS: number;
  applyMs: Percentiles;
  /** How far behind its schedule the driver fell at worst (the simulator slower than the rate). */
  maxLagMs: number;
  /** Epoch ms each accepted apply was sent, per cluster, in order. */
  sends: Record<string, number[]>;
}

/**
 * Apply-to-model delays: a cluster's k-th arrival is its k-th accepted apply
 * (a watch delivers a store's events in order). `missed`: applies with no
 * arrival by the end of the window.
 */
export function pairDelays(sends: Record<string, number[]>, arrivals: Record<string, number[]>): { delaysMs: number[]; missed: number } {
  const delaysMs: number[] = [];
  let missed = 0;
  for (const [cluster, s] of Object.entries(sends)) {
    const a = arrivals[cluster] ?? [];
    s.forEach((t, k) => (a[k] === undefined ? missed++ : delaysMs.push(a[k]! - t)));
  }
  return { delaysMs, missed };
}

function churnObject(t: ChurnTarget, weight: number): string {
  return JSON.stringify({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'churn', namespace: t.namespace },
    spec: { hosts: [t.host], http: [{ route: [{ destination: { host: t.host }, weight }, { destination: { host: t.host, port: { number: 8080 } }, weight: 100 - weight }] }] },
  });
}

/** Applies in flight at most; the simulator serves them on its own loop. */
const MAX_IN_FLIGHT = 8;

/**
 * Applies the churn for `seconds` on schedule, up to MAX_IN_FLIGHT at once
 * and never two at once to one cluster (so a cluster's applies reach it in
 * order). Bounded: nothing is sent after the deadline, whatever the
 * simulator does; a slot whose cluster is still busy is skipped (counted).
 * `appliesPerS` is what got through.
 */
export async function driveChurn(adminUrl: string, targets: readonly ChurnTarget[], seconds: number): Promise<ChurnResult> {
  const applyMs: number[] = [];
  const sends: Record<string, number[]> = {};
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let skipped = 0;
  let maxLag = 0;
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  const slot = CHURN_INTERVAL_MS / Math.max(1, targets.length);
  const apply = async (t: ChurnTarget, weight: number) => {
    const a0 = performance.now();
    const sentAt = Date.now();
    try {
      const res = await fetch(`${adminUrl}/clusters/${encodeURIComponent(t.cluster)}/apply`, { method: 'POST', body: churnObject(t, weight), headers: { 'content-type': 'application/yaml' }, signal: AbortSignal.timeout(10_000) });
      await res.text();
      if (res.ok) {
        applyMs.push(performance.now() - a0);
        (sends[t.cluster] ??= []).push(sentAt);
      } else failed++;
    } catch {
      failed++;
    }
  };
  schedule: for (let tick = 0; ; tick++) {
    for (const [i, t] of targets.entries()) {
      const at = t0 + tick * CHURN_INTERVAL_MS + i * slot;
      if (at >= deadline) break schedule;
      const wait = at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inFlight.size >= MAX_IN_FLIGHT && Date.now() < deadline) await Promise.race(inFlight);
      if (Date.now() >= deadline) break schedule;
      maxLag = Math.max(maxLag, Date.now() - at);
      if (busy.has(t.cluster)) {
        skipped++;
        continue;
      }
      const n = (step.get(t.cluster) ?? 0) + 1;
      step.set(t.cluster, n);
      busy.add(t.cluster);
      const p: Promise<void> = apply(t, WEIGHTS[n % WEIGHTS.length]!).finally(() => {
        busy.delete(t.cluster);
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
  return { seconds: (Date.now() - t0) / 1000, applied: applyMs.length, failed, skipped, appliesPerS: Math.round((applyMs.length / seconds) * 10) / 10, applyMs: percentiles(applyMs), maxLagMs: Math.round(maxLag), sends };
}
