import 'server-only';

/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

/**
 * How many LISTs (one kind of one cluster each) may run at once across the fleet unless the caller says
 * otherwise: about 5 clusters' worth (~27 kinds each with Istio's CRDs). At M (50 clusters, 1,350 lists) 32
 * synced faster with istiod polls off but slower with them on, since clusters synced early start polling
 * while the rest still list; 128 was the better of the two with polls on.
 */
export const DEFAULT_MAX_CONCURRENT_LISTS = 128;

/**
 * A fleet-wide cap on LISTs in flight, so that 200 clusters × ~27 kinds sync
 * in waves rather than as 5,400 LISTs at once. Waiters are served first come
 * first served (a cluster's kinds queue together, so clusters finish in
 * turn). A slot is given back after `maxHoldMs` even if its holder is still
 * busy: a slow or dead cluster can delay the others, never block them.
 */
export class ListGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Callers of `drained`, woken when no one waits for a slot. */
  private readonly drainWaiters = new Set<() => void>();

  constructor(
    readonly limit: number,
    private readonly maxHoldMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`list gate limit must be a positive integer, got ${limit}`);
  }

  /** Slots in use (tests and diagnostics). */
  get inFlight(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves once no caller is waiting for a slot (at once if none is): lower-priority work such as istiod polls
   * waits here, so it does not compete with a fleet that is still queueing its LISTs. Resolves early if `signal` aborts.
   */
  drained(signal?: AbortSignal): Promise<void> {
    if (this.waiting.length === 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.drainWaiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.drainWaiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  /** Waits for a slot; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.active < this.limit) return Promise.resolve(this.grant());
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        if (this.waiting.length === 0) for (const w of [...this.drainWaiters]) w();
        reject(abortReason(signal!));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.grant());
      };
      this.waiting.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private grant(): Release {
    this.active++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      this.active--;
      this.waiting.shift()?.();
      if (this.waiting.length === 0) for (const wake of [...this.drainWaiters]) wake();
    };
    const timer = setTimeout(release, this.maxHoldMs);
    timer.unref?.();
    return release;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('aborted'), { name: 'AbortError' });
}
