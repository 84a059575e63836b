import 'server-only';
import { analyzeFleetWide, analyzeMesh, groupByMesh, sortFindings } from '@/lib/analysis/analyze';
import type { AnalysisOptions, Finding, TelemetryClusterMismatch } from '@/lib/analysis/types';
import type { FleetChange } from '@/lib/fleet/events';
import type { FleetModel } from '../fleet/model';
import { clusterViewOf } from './fleet-view';

/** How the engine batches model changes. */
export interface EngineOptions {
  /** Quiet time after the last change before recomputing (ms). */
  debounceMs?: number;
  /** Longest a change waits under continuous churn (ms). */
  maxWaitMs?: number;
  /** Full recompute at least this often, for time-based rules such as certificate expiry (ms). */
  refreshMs?: number;
  validateSchema?: AnalysisOptions['validateSchema'];
  rootCertWarningDays?: number;
}

/** The engine's latest result. */
export interface AnalysisSnapshot {
  findings: Finding[];
  /** Model revision the findings reflect; undefined before the first run. */
  revision?: number;
  computedAt?: string;
  /** Mesh groups recomputed in the last run, of how many. */
  lastRun?: { meshes: number; recomputed: number; ms: number };
}

const ALL = '*';
const PER_CLUSTER = /^(clusters|controlplanes|proxies|workloads|config|namespaces)\/([^/]+)/;

/**
 * Keeps fleet findings current. Subscribes to the model's change feed, maps
 * changed keys to clusters, and after a debounce recomputes only the mesh
 * groups containing a changed cluster (a mesh is the unit because hosts
 * resolve across it); fleet-wide rules, being cheap, run every time.
 */
export class AnalysisEngine {
  private readonly byMesh = new Map<string, { members: string; findings: Finding[] }>();
  private fleetWide: Finding[] = [];
  private snapshot: AnalysisSnapshot = { findings: [] };
  private readonly dirty = new Set<string>([ALL]);
  private timer?: NodeJS.Timeout;
  private firstDirtyAt = 0;
  private refresh?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private telemetry: TelemetryClusterMismatch[] = [];
  private readonly listeners = new Set<(s: AnalysisSnapshot) => void>();

  constructor(private readonly model: FleetModel, private readonly opts: EngineOptions = {}) {}

  /** Starts listening and schedules the first run. */
  start(): this {
    // Uncollapsed keys: a big change (a relist) must still name its clusters, or every mesh is recomputed.
    this.unsubscribe = this.model.feed.subscribeUncollapsed((c) => this.onChange(c));
    this.refresh = setInterval(() => this.markDirty([ALL]), this.opts.refreshMs ?? 10 * 60_000);
    this.refresh.unref();
    this.schedule();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    clearTimeout(this.timer);
    clearInterval(this.refresh);
    this.timer = undefined;
  }

  /** The latest findings (possibly older than the model by up to the debounce). */
  current(): AnalysisSnapshot {
    return this.snapshot;
  }

  /** Calls back after every run; returns the unsubscribe function. */
  subscribe(fn: (s: AnalysisSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** MG0018 input from telemetry (cluster names not matching the metrics' cluster label). */
  setTelemetryMismatches(list: TelemetryClusterMismatch[]): void {
    this.telemetry = list;
    this.markDirty([]);
  }

  private onChange(change: FleetChange): void {
    const clusters: string[] = [];
    for (const key of change.keys) {
      const m = PER_CLUSTER.exec(key);
      if (m) {
        clusters.push(m[2]!);
        continue;
      }
      if (key.startsWith('services/')) {
        const id = key.slice('services/'.length);
        const where = [...(this.model.services.get(id) ?? []), ...(this.model.serviceEntries.get(id) ?? [])];
        // A deleted service names no cluster any more: recompute everything.
        clusters.push(...(where.length && id.includes('/') ? where : [ALL]));
        continue;
      }
      clusters.push(ALL);
    }
    this.markDirty(clusters);
  }

  private markDirty(clusters: string[]): void {
    if (this.dirty.size === 0) this.firstDirtyAt = Date.now();
    for (const c of clusters) this.dirty.add(c);
    // An empty list still schedules a run (fleet-wide inputs changed).
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const debounce = this.opts.debounceMs ?? 250;
    const waited = this.firstDirtyAt ? Date.now() - this.firstDirtyAt : 0;
    const delay = Math.max(0, Math.min(debounce, (this.opts.maxWaitMs ?? 2000) - waited));
    this.timer = setTimeout(() => this.run(), delay);
    this.timer.unref();
  }

  /** Recomputes now (tests and benchmarks call it directly). */
  run(): AnalysisSnapshot {
    const started = performance.now();
    const revision = this.model.revision;
    const dirty = new Set(this.dirty);
    this.dirty.clear();
    this.firstDirtyAt = 0;
    const now = Date.now();
    const views = this.model.clusters().map((e) => clusterViewOf(e, now));
    const options: AnalysisOptions = { now, validateSchema: this.opts.validateSchema, rootCertWarningDays: this.opts.rootCertWarningDays, telemetryMismatches: this.telemetry };
    const groups = groupByMesh(views);
    let recomputed = 0;
    for (const mesh of [...this.byMesh.keys()]) if (!groups.has(mesh)) this.byMesh.delete(mesh);
    for (const [mesh, members] of groups) {
      const names = members.map((m) => m.name).join(',');
      const cached = this.byMesh.get(mesh);
      if (cached && cached.members === names && !dirty.has(ALL) && !members.some((m) => dirty.has(m.name))) continue;
      this.byMesh.set(mesh, { members: names, findings: analyzeMesh(mesh, members, options) });
      recomputed++;
    }
    this.fleetWide = analyzeFleetWide(views, options);
    const unique = new Map<string, Finding>();
    for (const { findings } of this.byMesh.values()) for (const f of findings) unique.set(f.id, f);
    for (const f of this.fleetWide) unique.set(f.id, f);
    this.snapshot = {
      findings: sortFindings([...unique.values()]),
      revision,
      computedAt: new Date(now).toISOString(),
      lastRun: { meshes: groups.size, recomputed, ms: Math.round(performance.now() - started) },
    };
    for (const l of this.listeners) l(this.snapshot);
    return this.snapshot;
  }
}
