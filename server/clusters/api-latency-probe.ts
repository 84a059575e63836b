import 'server-only';
import { sleep } from './backoff';
import type { KubeClient } from './kube-client';

/** The last round trip to a cluster's API server. */
export interface ApiLatency {
  /** Time to a complete answer of GET /version; the request time-out when it got none. */
  ms: number;
  /** No answer within the request time-out. */
  timedOut: boolean;
  /** When it was measured (ms epoch). */
  at: number;
}

/**
 * Times GET /version every `intervalMs`. Open watches hide a slow API server
 * (their events still stream), while every new list, watch and istiod poll
 * waits: this cheap request is what shows it, within one interval.
 */
export class ApiLatencyProbe {
  private last?: ApiLatency;

  constructor(private readonly client: KubeClient, private readonly opts: { intervalMs: number; timeoutMs: number; onMeasured?: () => void }) {}

  latest(): ApiLatency | undefined {
    return this.last;
  }

  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const started = Date.now();
      try {
        await this.client.getJson('/version', signal);
        this.last = { ms: Date.now() - started, timedOut: false, at: Date.now() };
      } catch (err) {
        if (signal.aborted) return;
        // Only a time-out says how slow it is; other failures are the connection state's business.
        this.last = (err as { code?: unknown }).code === 'ETIMEDOUT' ? { ms: this.opts.timeoutMs, timedOut: true, at: Date.now() } : undefined;
      }
      this.opts.onMeasured?.();
      await sleep(this.opts.intervalMs, signal);
    }
  }
}
