/**
 * Whether every configured cluster has been tried once (connected or failed).
 * /readyz answers 503 until then, so a load balancer does not send users to a
 * replica whose caches are still empty.
 */
export class Readiness {
  private readonly pending = new Set<string>();
  private readonly tried = new Set<string>();
  private configLoaded = false;

  /** Called once the cluster list is known (it may be empty). */
  expect(clusters: Iterable<string>): void {
    for (const c of clusters) if (!this.tried.has(c)) this.pending.add(c);
    this.configLoaded = true;
  }

  /** A cluster's first connection attempt finished, whatever its outcome. */
  markTried(cluster: string): void {
    this.pending.delete(cluster);
    this.tried.add(cluster);
  }

  /** A cluster that left the configuration no longer holds readiness back. */
  forget(cluster: string): void {
    this.pending.delete(cluster);
    this.tried.delete(cluster);
  }

  /** Counts only: /readyz is public, and cluster names are for callers who may see those clusters (/clusters). */
  snapshot(): { ready: boolean; tried: number; total: number; pending: number } {
    return {
      ready: this.configLoaded && this.pending.size === 0,
      tried: this.tried.size,
      total: this.pending.size + this.tried.size,
      pending: this.pending.size,
    };
  }
}
