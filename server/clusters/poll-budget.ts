import 'server-only';
import { ListGate, type Release } from './list-gate';

/** Poll rounds the fleet keeps in flight on average unless configured: half of one, whatever the fleet's size. */
export const DEFAULT_ISTIOD_POLLS_IN_FLIGHT = 0.5;
/** Poll rounds in flight at once across the fleet unless configured (4 at once saturated 2 cores at M). */
export const DEFAULT_MAX_CONCURRENT_ISTIOD_POLLS = 2;

export interface PollBudgetOptions {
  /** Average poll rounds in flight across the fleet: each cluster's interval is stretched so the fleet stays within it. */
  inFlight: number;
  /** Hard cap on rounds in flight at once. */
  maxConcurrent: number;
  /** A slot is given back after this long even if its round is still running. */
  maxHoldMs: number;
  /** The fleet's LIST gate: polls wait while LISTs queue (a fleet still syncing comes first). */
  lists?: ListGate;
}

/**
 * The fleet-wide budget for istiod polls. A round reads istiod's debug answers (~1 KB per proxy, ~3 MB at
 * 2,500 proxies) through a port-forward, i.e. a TLS WebSocket per round. At 200 clusters polled every 10 s that
 * traffic kept the dashboard CPU-bound, so the cost is bounded fleet-wide instead of per cluster:
 * - at most `maxConcurrent` rounds at once, and none while the fleet's LISTs queue;
 * - each cluster's interval is at least `roundMs × pollers / inFlight`, so on average the fleet has about
 *   `inFlight` rounds running. Small fleets keep the configured interval; large ones poll each cluster less
 *   often, and a loaded process (slower rounds) backs off by itself.
 */
export class PollBudget {
  private pollers = 0;
  private readonly gate: ListGate;

  constructor(private readonly opts: PollBudgetOptions) {
    if (!(opts.inFlight > 0)) throw new Error(`istiod polls in flight must be positive, got ${opts.inFlight}`);
    this.gate = new ListGate(opts.maxConcurrent, opts.maxHoldMs);
  }

  /** Pollers counted in the budget (tests and diagnostics). */
  get members(): number {
    return this.pollers;
  }

  /** Rounds running now. */
  get running(): number {
    return this.gate.inFlight;
  }

  /** Counts a poller in; the returned function counts it out (once). */
  join(): () => void {
    this.pollers++;
    let joined = true;
    return () => {
      if (!joined) return;
      joined = false;
      this.pollers--;
    };
  }

  /** Waits until no LIST is queued, then for a round slot. */
  async acquire(signal?: AbortSignal): Promise<Release> {
    await this.opts.lists?.drained(signal);
    return this.gate.acquire(signal);
  }

  /** The interval for a poller whose rounds take `roundMs`: the configured one, or longer when the fleet needs it. */
  intervalMs(configuredMs: number, roundMs: number): number {
    return Math.max(configuredMs, Math.round((roundMs * this.pollers) / this.opts.inFlight));
  }
}
