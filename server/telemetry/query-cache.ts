import 'server-only';

/**
 * Reuses answers for a short time and joins identical queries already in
 * flight, so 100 users opening one page send one query per Prometheus.
 * Failures are not cached: the next caller tries again. With `staleMs`, an
 * answer past its TTL is still served for that long while one reload runs
 * in the background, so no caller waits for Prometheus every TTL.
 */
export class QueryCache<T> {
  private readonly done = new Map<string, { at: number; value: T }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
    private readonly staleMs = 0,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.done.get(key);
    const age = hit ? this.now() - hit.at : Infinity;
    if (hit && age < this.ttlMs) return hit.value;
    if (hit && age < this.ttlMs + this.staleMs) {
      // A failed background reload is not cached either: the answer ages out and a later caller waits for a fresh one.
      if (!this.inFlight.has(key)) this.load(key, load).catch(() => undefined);
      return hit.value;
    }
    return this.load(key, load);
  }

  private async load(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        this.remember(key, value);
        return value;
      },
      (err: unknown) => {
        throw err;
      },
    );
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    this.done.delete(key);
    this.done.set(key, { at: this.now(), value });
    // Map keeps insertion order: the first keys are the oldest.
    while (this.done.size > this.maxEntries) {
      const oldest = this.done.keys().next().value;
      if (oldest === undefined) break;
      this.done.delete(oldest);
    }
  }
}
