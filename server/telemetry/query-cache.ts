import 'server-only';

/**
 * Reuses answers for a short time and joins identical queries already in
 * flight, so 100 users opening one page send one query per Prometheus.
 * Failures are not cached: the next caller tries again.
 */
export class QueryCache<T> {
  private readonly done = new Map<string, { at: number; value: T }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.done.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
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
