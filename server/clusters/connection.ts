import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiLatencyProbe, type ApiLatency } from './api-latency-probe';
import type { ClusterLiveView, FleetSink } from './fleet-sink';
import type { Logger } from '../log/logger';
import { backoffDelay, backoffFor, sleep, type BackoffOptions } from './backoff';
import { classifyError, ClusterConditionMemo, WATCH_EXPIRY_WINDOW_MS, type ClusterCondition, type ConnectionFacts } from './cluster-state';
import { discover } from './discovery';
import { IstiodPoller } from './istiod-poller';
import { builtinKinds, type KindSpec } from './kinds';
import { KubeClient } from './kube-client';
import type { ListGate } from './list-gate';
import { ListWatch } from './list-watch';
import type { PollBudget } from './poll-budget';

/** Tuning of one connection; tests shorten everything. */
export interface ConnectionOptions {
  staleAfterMs: number;
  requestTimeoutMs: number;
  istiodPollMs: number;
  backoff: BackoffOptions;
  /** How often API discovery runs again to pick up CRDs installed or removed later. */
  rediscoverMs: number;
  /** How often GET /version is timed (the API latency the cluster page shows); default 15 s. */
  apiProbeMs?: number;
  logger?: Logger;
  /** Most full LISTs in flight across the fleet (ClusterManager builds one gate from it; default DEFAULT_MAX_CONCURRENT_LISTS). */
  maxConcurrentLists?: number;
  /** The fleet's shared gate; without one, this connection's lists are not capped. */
  listGate?: ListGate;
  /** Average istiod poll rounds in flight across the fleet (ClusterManager builds one budget from it). */
  istiodPollsInFlight?: number;
  /** Most istiod poll rounds at once across the fleet. */
  maxConcurrentIstiodPolls?: number;
  /** The fleet's shared istiod poll budget; without one, this connection polls on its own interval. */
  pollBudget?: PollBudget;
}

/**
 * One cluster: discovery, a ListWatch per kind, the istiod poller, and the
 * state machine derived from what they see. A dead or hostile cluster only
 * ever changes this connection's state; nothing here throws to the caller.
 */
export class ClusterConnection implements ClusterLiveView {
  private readonly facts: ConnectionFacts;
  private readonly watches = new Map<string, ListWatch>();
  private client?: KubeClient;
  private poller?: IstiodPoller;
  private probe?: ApiLatencyProbe;
  private version?: string;
  private readonly ac = new AbortController();
  private lastShown = '';
  private ticker?: NodeJS.Timeout;
  private firstDone!: () => void;
  /** Resolves once every kind has been tried once (or discovery failed once). */
  readonly firstAttempt = new Promise<void>((r) => (this.firstDone = r));

  constructor(readonly name: string, kubeConfig: KubeConfig | { error: string }, private readonly model: FleetSink, private readonly opts: ConnectionOptions) {
    this.facts = { startedAt: Date.now(), discovered: false, kinds: [] };
    if ('error' in kubeConfig) this.facts.configError = kubeConfig.error;
    else {
      try {
        this.client = new KubeClient(kubeConfig, opts.requestTimeoutMs);
      } catch (err) {
        this.facts.configError = `invalid kubeconfig context: ${(err as Error).message}`;
      }
    }
  }

  private readonly conditions = new ClusterConditionMemo();

  condition(now: number): ClusterCondition {
    return this.conditions.derive(this.facts, now, this.opts.staleAfterMs);
  }

  skipped(): { count: number; oversized: number; lastReason?: string } {
    let count = 0;
    let oversized = 0;
    let lastReason: string | undefined;
    for (const w of this.watches.values()) {
      for (const s of w.skipped.values()) {
        count++;
        if (s.oversized) oversized++;
        lastReason = s.reason;
      }
    }
    return { count, oversized, lastReason };
  }

  kubernetesVersion(): string | undefined {
    return this.version;
  }

  /** Watches the server ended with 410 Gone in the last WATCH_EXPIRY_WINDOW_MS, over every kind. */
  watchExpiries(now: number): number {
    let n = 0;
    for (const w of this.watches.values()) for (const t of w.status.expiredAt ?? []) if (t > now - WATCH_EXPIRY_WINDOW_MS) n++;
    return n;
  }

  apiLatency(): ApiLatency | undefined {
    return this.probe?.latest();
  }

  start(): void {
    // The state moves with time too (stale), so it is re-derived on a tick and published when it changes.
    this.ticker = setInterval(() => this.publishIfChanged(), Math.max(250, Math.min(5000, this.opts.staleAfterMs / 4)));
    this.ticker.unref?.();
    if (!this.client) {
      this.firstDone();
      this.publishIfChanged();
      return;
    }
    void this.run(this.client);
    this.probe = new ApiLatencyProbe(this.client, { intervalMs: this.opts.apiProbeMs ?? 15_000, timeoutMs: this.opts.requestTimeoutMs, onMeasured: () => this.publishIfChanged() });
    void this.probe.run(this.ac.signal);
  }

  stop(): void {
    this.ac.abort();
    clearInterval(this.ticker);
    this.poller?.stop();
    for (const w of this.watches.values()) w.stop();
    this.client?.close();
  }

  private publishIfChanged(): void {
    const c = this.condition(Date.now());
    // API latency and watch expiries move all the time: only a step on a doubling scale is news to the pages.
    const latency = this.probe?.latest();
    const steps = `${latency ? (latency.timedOut ? 'timeout' : Math.round(Math.log2(Math.max(latency.ms, 125) / 125))) : ''}|${Math.round(Math.log2(this.watchExpiries(Date.now()) + 1))}`;
    const state = `${c.phase}|${c.reason ?? ''}|${c.syncedKinds}/${c.totalKinds}`;
    const shown = `${state}|${steps}`;
    if (shown === this.lastShown) return;
    if (this.opts.logger && c.phase !== 'syncing' && !this.lastShown.startsWith(`${state}|`)) this.opts.logger.info({ cluster: this.name, state: c.phase, reason: c.reason }, 'cluster state');
    this.lastShown = shown;
    this.model.clusterChanged(this.name);
  }

  private async run(client: KubeClient): Promise<void> {
    let attempt = 0;
    while (!this.ac.signal.aborted) {
      try {
        const d = await discover(client, this.ac.signal);
        this.version = d.kubernetesVersion;
        this.facts.discoveryFailure = undefined;
        const first = !this.facts.discovered;
        this.facts.discovered = true;
        this.reconcileKinds([...builtinKinds(), ...d.configKinds]);
        if (first) {
          // istiod is polled once every kind has had its first LIST: at 200 clusters, polls of ~2,500 proxies
          // each during the initial sync cost more CPU than the sync itself and kept it slow.
          void Promise.all([...this.watches.values()].map((w) => w.firstAttempt)).then(() => {
            this.firstDone();
            if (this.ac.signal.aborted) return;
            this.poller = new IstiodPoller(this.name, client, this.model, { intervalMs: this.opts.istiodPollMs, timeoutMs: this.opts.requestTimeoutMs, budget: this.opts.pollBudget });
            this.poller.start();
          });
        }
        this.publishIfChanged();
        attempt = 0;
        await sleep(this.opts.rediscoverMs, this.ac.signal);
      } catch (err) {
        if (this.ac.signal.aborted) return;
        // Before the first success the whole cluster is down; later, the kinds report their own failures.
        if (!this.facts.discovered) {
          this.facts.discoveryFailure = classifyError(err);
          this.firstDone();
          this.publishIfChanged();
        }
        await sleep(backoffDelay(attempt++, backoffFor(classifyError(err), this.opts.backoff)), this.ac.signal);
      }
    }
  }

  /** Starts watches for new kinds, stops those of kinds no longer served (and drops their data). */
  private reconcileKinds(kinds: KindSpec[]): void {
    const wanted = new Map(kinds.map((k) => [k.id, k]));
    for (const [id, w] of this.watches) {
      if (wanted.has(id)) continue;
      w.stop();
      this.watches.delete(id);
      this.model.dropConfigKind(this.name, w.spec);
    }
    for (const [id, spec] of wanted) {
      if (this.watches.has(id)) continue;
      const w = new ListWatch(this.client!, spec, { staleAfterMs: this.opts.staleAfterMs, backoff: this.opts.backoff, gate: this.opts.listGate }, {
        replace: (s, records) => this.model.replaceKind(this.name, s, records),
        set: (s, key, rec) => this.model.apply(this.name, s, key, rec),
        // As when discovery stops serving a kind; a built-in kind's table stays, emptied.
        drop: (s) => (s.role === 'config' ? this.model.dropConfigKind(this.name, s) : this.model.replaceKind(this.name, s, new Map())),
        statusChanged: () => this.publishIfChanged(),
      });
      this.watches.set(id, w);
      w.start();
    }
    this.facts.kinds = [...this.watches.values()].map((w) => w.status);
  }
}
