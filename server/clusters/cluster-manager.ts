import 'server-only';
import type { FleetModel } from '../fleet/model';
import type { Logger } from '../log/logger';
import { ClusterConnection, type ConnectionOptions } from './connection';
import type { ClusterCandidate, ClusterSource } from './sources/types';

/** Who wants to hear about clusters coming and going (the app's Readiness). */
export interface ClusterLifecycle {
  expect(names: string[]): void;
  markTried(name: string): void;
  forget(name: string): void;
}

/**
 * Turns what the sources offer into running ClusterConnections: starts new
 * clusters, stops removed ones, rebuilds a connection whose credentials
 * changed. A name offered by two sources is taken from the first.
 */
export class ClusterManager {
  private readonly offers = new Map<string, ClusterCandidate[]>();
  private readonly running = new Map<string, { conn: ClusterConnection; fingerprint: string }>();
  private stopped = false;

  constructor(private readonly sources: ClusterSource[], private readonly model: FleetModel, private readonly opts: ConnectionOptions, private readonly lifecycle?: ClusterLifecycle, private readonly logger?: Logger) {}

  /** Starts every source; resolves once each has offered its first list (or failed to). */
  async start(): Promise<void> {
    await Promise.all(
      this.sources.map((s) =>
        s.start((list) => this.offer(s.id, list)).catch((err: unknown) => this.logger?.error({ err, source: s.id }, 'cluster source failed to start')),
      ),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.sources) s.stop();
    for (const { conn } of this.running.values()) conn.stop();
    this.running.clear();
  }

  /** The running connection of a cluster (tests and diagnostics). */
  connection(name: string): ClusterConnection | undefined {
    return this.running.get(name)?.conn;
  }

  private offer(sourceId: string, list: ClusterCandidate[]): void {
    if (this.stopped) return;
    this.offers.set(sourceId, list);
    this.reconcile();
  }

  private reconcile(): void {
    const wanted = new Map<string, ClusterCandidate>();
    for (const s of this.sources) {
      for (const c of this.offers.get(s.id) ?? []) {
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
      const conn = new ClusterConnection(name, c.kubeConfig, this.model, { ...this.opts, logger: this.logger });
      this.running.set(name, { conn, fingerprint: c.fingerprint });
      this.model.upsertCluster(info, conn);
      if (!r) added.push(name);
      conn.start();
      void conn.firstAttempt.then(() => this.lifecycle?.markTried(name));
    }
    if (added.length) this.lifecycle?.expect(added);
  }
}
