import 'server-only';
import type { FleetSink } from './fleet-sink';
import type { Logger } from '../log/logger';
import { ClusterConnection, type ConnectionOptions } from './connection';
import { DEFAULT_MAX_CONCURRENT_LISTS, ListGate } from './list-gate';
import { DEFAULT_ISTIOD_POLLS_IN_FLIGHT, DEFAULT_MAX_CONCURRENT_ISTIOD_POLLS, PollBudget } from './poll-budget';
import type { SourceStatus } from '@/lib/fleet/clusters';
import type { ClusterCandidate, ClusterSource } from './sources/types';

/** Who wants to hear about clusters coming and going (the app's Readiness). */
export interface ClusterLifecycle {
  expect(names: string[]): void;
  markTried(name: string): void;
  forget(name: string): void;
}

/** A source as the config names it: `key` identifies it across reloads (same key, same source). */
export interface SourceEntry {
  key: string;
  make(): ClusterSource;
}

interface Held {
  source: ClusterSource;
  offers?: ClusterCandidate[];
}

/**
 * Turns what the sources offer into running ClusterConnections: starts new
 * clusters, stops removed ones, rebuilds a connection whose credentials
 * changed. A name offered by two sources is taken from the first. Sources
 * can be replaced while running (config reload): unchanged ones keep going.
 */
export class ClusterManager {
  private sources = new Map<string, Held>();
  private readonly running = new Map<string, { conn: ClusterConnection; fingerprint: string }>();
  private stopped = false;
  /** While a source replacement is under way, offers are held and not reconciled. */
  private suspended = 0;
  /** One gate for every connection, so the cap holds across the fleet. */
  private readonly listGate: ListGate;
  /** One istiod poll budget for every connection, for the same reason. */
  private readonly pollBudget: PollBudget;

  constructor(sources: ClusterSource[] | SourceEntry[], private readonly model: FleetSink, private readonly opts: ConnectionOptions, private readonly lifecycle?: ClusterLifecycle, private readonly logger?: Logger) {
    // A hung first page times out within one request time-out; only a list that keeps trickling outlives twice that.
    this.listGate = opts.listGate ?? new ListGate(opts.maxConcurrentLists ?? DEFAULT_MAX_CONCURRENT_LISTS, 2 * opts.requestTimeoutMs);
    // A round is four GETs of one request time-out each at most.
    this.pollBudget =
      opts.pollBudget ??
      new PollBudget({
        inFlight: opts.istiodPollsInFlight ?? DEFAULT_ISTIOD_POLLS_IN_FLIGHT,
        maxConcurrent: opts.maxConcurrentIstiodPolls ?? DEFAULT_MAX_CONCURRENT_ISTIOD_POLLS,
        maxHoldMs: 4 * opts.requestTimeoutMs,
        lists: this.listGate,
      });
    for (const [i, s] of sources.entries()) {
      if ('make' in s) this.sources.set(s.key, { source: s.make() });
      else this.sources.set(`${i}:${s.id}`, { source: s });
    }
    model.setSourcesView(() => this.sourceStatuses());
  }

  /** Starts every source; resolves once each has offered its first list (or failed to). */
  async start(): Promise<void> {
    await Promise.all([...this.sources.values()].map((h) => this.startSource(h)));
  }

  /**
   * Replaces the set of sources: those whose key is unchanged keep running,
   * removed ones stop (their clusters go), new ones start. Resolves once the
   * new ones have offered their first list.
   */
  async replaceSources(next: SourceEntry[]): Promise<void> {
    if (this.stopped) return;
    const old = this.sources;
    const added: Held[] = [];
    this.sources = new Map();
    for (const e of next) {
      const kept = old.get(e.key);
      const h = kept ?? { source: e.make() };
      if (!kept) added.push(h);
      this.sources.set(e.key, h);
    }
    // Reconcile once the new sources have offered: a source rebuilt for an edited
    // entry re-offers the same clusters, whose connections then carry on untouched.
    this.suspended++;
    try {
      await Promise.all(added.map((h) => this.startSource(h)));
    } finally {
      this.suspended--;
    }
    for (const [key, h] of old) if (!this.sources.has(key)) h.source.stop();
    if (this.stopped) return;
    this.reconcile();
    this.model.sourcesChanged();
  }

  /** Every source with its state and the clusters it offers, in config order. */
  sourceStatuses(): SourceStatus[] {
    return [...this.sources.values()].map((h) => ({ ...h.source.status(), clusters: (h.offers ?? []).map((c) => c.name).sort() }));
  }

  stop(): void {
    this.stopped = true;
    for (const h of this.sources.values()) h.source.stop();
    for (const { conn } of this.running.values()) conn.stop();
    this.running.clear();
  }

  private startSource(h: Held): Promise<void> {
    const live = () => !this.stopped && [...this.sources.values()].includes(h);
    return h.source
      .start(
        (list) => {
          if (!live()) return;
          h.offers = list;
          this.reconcile();
          this.model.sourcesChanged();
        },
        () => live() && this.model.sourcesChanged(),
      )
      .catch((err: unknown) => this.logger?.error({ err, source: h.source.id }, 'cluster source failed to start'));
  }

  /** The running connection of a cluster (tests and diagnostics). */
  connection(name: string): ClusterConnection | undefined {
    return this.running.get(name)?.conn;
  }

  private reconcile(): void {
    if (this.suspended > 0) return;
    const wanted = new Map<string, ClusterCandidate>();
    for (const h of this.sources.values()) {
      for (const c of h.offers ?? []) {
        if (wanted.has(c.name)) this.logger?.warn({ cluster: c.name, source: c.source }, 'cluster offered by two sources; keeping the first');
        else wanted.set(c.name, c);
      }
    }
    for (const [name, r] of this.running) {
      if (wanted.has(name)) continue;
      r.conn.stop();
      this.running.delete(name);
      this.model.removeCluster(name);
      this.lifecycle?.forget(name);
      this.logger?.info({ cluster: name }, 'cluster removed');
    }
    const added: string[] = [];
    for (const [name, c] of wanted) {
      const r = this.running.get(name);
      const info = { name, displayName: c.displayName, source: c.source, mesh: c.mesh, network: c.network };
      if (r && r.fingerprint === c.fingerprint) {
        this.model.upsertCluster(info, r.conn);
        continue;
      }
      r?.conn.stop();
      const conn = new ClusterConnection(name, c.kubeConfig, this.model, { ...this.opts, logger: this.logger, listGate: this.listGate, pollBudget: this.pollBudget });
      this.running.set(name, { conn, fingerprint: c.fingerprint });
      this.model.upsertCluster(info, conn);
      if (!r) added.push(name);
      conn.start();
      void conn.firstAttempt.then(() => this.lifecycle?.markTried(name));
    }
    if (added.length) this.lifecycle?.expect(added);
  }
}
