import 'server-only';
import { groupByMesh, indexUnits, sortFindings } from '@/lib/analysis/analyze';
import { AnalysisContext } from '@/lib/analysis/context';
import { RULES, ruleUnits } from '@/lib/analysis/rules/registry';
import type { AnalysisOptions, ClusterView, Finding, TelemetryClusterMismatch } from '@/lib/analysis/types';
import { readsAny, type Input } from '@/lib/analysis/units';
import { parseChangeKey } from '@/lib/fleet/change-keys';
import type { FleetChange } from '@/lib/fleet/events';
import type { FleetModel } from '../fleet/model';
import { clusterViewOf } from './fleet-view';
import { yieldToLoop } from '../util/yield-to-loop';

/** How the engine batches model changes and slices its runs. */
export interface EngineOptions {
  /** Quiet time after the last change before recomputing (ms). */
  debounceMs?: number;
  /** Longest a change waits under continuous churn (ms). */
  maxWaitMs?: number;
  /** Full recompute at least this often, for time-based rules such as certificate expiry (ms). */
  refreshMs?: number;
  validateSchema?: AnalysisOptions['validateSchema'];
  rootCertWarningDays?: number;
  /** A run yields to the event loop once it has worked this long (ms, default 10). */
  sliceMs?: number;
  /** ...or once it has run this many units (default: no limit; tests use it for a split that does not depend on speed). */
  unitsPerSlice?: number;
  /** A rule that throws ends the run; default: rethrown outside the run, as an uncaught error. */
  onError?: (err: unknown) => void;
}

/** Figures of one published run. */
export interface RunStats {
  /** Mesh groups in the fleet, and how many had any piece recomputed. */
  meshes: number;
  recomputed: number;
  /** Wall time from start to publication, yields included (ms). */
  ms: number;
  /** Time spent working, i.e. the sum of the slices (ms). */
  busyMs: number;
  /** Synchronous slices the run was cut into, and the longest (ms). */
  slices: number;
  maxSliceMs: number;
  /** Units run (views, index building, rule pieces), and rule pieces kept from earlier runs. */
  units: number;
  reused: number;
  /** Runs that a change superseded before this one published. */
  superseded: number;
}

/** The engine's latest result. */
export interface AnalysisSnapshot {
  findings: Finding[];
  /** Model revision the findings reflect; undefined before the first run. */
  revision?: number;
  computedAt?: string;
  lastRun?: RunStats;
}

const ALL = '*';
const MESH_RULES = RULES.filter((r) => r.scope === 'mesh');
const FLEET_RULES = RULES.filter((r) => r.scope === 'fleet');

/** What a change key says changed: in which cluster, which inputs ('all': anything, including the cluster's state). */
type Touch = { cluster: string; inputs: readonly Input[] | 'all' };

const KEY_INPUTS: Record<string, readonly Input[] | 'all'> = {
  clusters: 'all',
  namespaces: ['namespaces'],
  workloads: ['pods', 'deployments'],
  controlplanes: ['controlPlanes', 'rootCerts'],
  proxies: ['controlPlanes'],
};

/** Findings of one rule in one mesh: the whole rule's, or (per-cluster rules) each cluster's piece. */
type RuleCache = { whole?: Finding[]; byCluster?: Map<string, Finding[]> };
type MeshCache = { members: string; rules: Array<RuleCache | undefined> };

/** A run under way; a change marks it cancelled and it stops at its next yield, publishing nothing. */
type Job = { cancelled: boolean };

/** A run's figures, kept by its driver. */
type Stats = { slices: number; maxSliceMs: number; busyMs: number; units: number; reused: number; sliceStart: number };
const newStats = (): Stats => ({ slices: 1, maxSliceMs: 0, busyMs: 0, units: 0, reused: 0, sliceStart: 0 });


/**
 * Keeps fleet findings current. Subscribes to the model's change feed, maps
 * changed keys to clusters and the kinds of objects they touch, and drops the
 * cached findings that read them: per mesh (hosts resolve across a mesh), per
 * rule, and for rules that check a cluster at a time, per cluster. After a
 * debounce it recomputes what is missing, in slices of ~10 ms with the event
 * loop free in between; a change during a run cancels it (a half-done or
 * stale run never publishes) and the next run reuses the pieces still valid.
 */
export class AnalysisEngine {
  private readonly byMesh = new Map<string, MeshCache>();
  /** Mesh group of each cluster in the last run, to find the cache a change invalidates. */
  private readonly meshOf = new Map<string, string>();
  /** Services per cluster when last seen: a Service deleted from a cluster no longer names it in the model's index. */
  private readonly serviceCounts = new Map<string, number>();
  private snapshot: AnalysisSnapshot = { findings: [] };
  private pending = true;
  private timer?: NodeJS.Timeout;
  private firstDirtyAt = 0;
  private refresh?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private telemetry: TelemetryClusterMismatch[] = [];
  private readonly listeners = new Set<(s: AnalysisSnapshot) => void>();
  private job?: Job;
  private superseded = 0;
  private waiters: Array<{ resolve: (s: AnalysisSnapshot) => void; reject: (e: unknown) => void }> = [];

  constructor(private readonly model: FleetModel, private readonly opts: EngineOptions = {}) {
    for (const e of model.clusters()) this.serviceCounts.set(e.info.name, e.store.services.size);
  }

  /** Starts listening and schedules the first run. */
  start(): this {
    // Uncollapsed keys: a big change (a relist) must still name its clusters, or every mesh is recomputed.
    this.unsubscribe = this.model.feed.subscribeUncollapsed((c) => this.onChange(c));
    this.refresh = setInterval(() => this.invalidate([{ cluster: ALL, inputs: 'all' }]), this.opts.refreshMs ?? 10 * 60_000);
    this.refresh.unref();
    this.schedule();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    clearTimeout(this.timer);
    clearInterval(this.refresh);
    this.timer = undefined;
    this.cancel();
    for (const w of this.waiters.splice(0)) w.resolve(this.snapshot);
  }

  /** The latest findings (possibly older than the model by up to the debounce plus a run). */
  current(): AnalysisSnapshot {
    return this.snapshot;
  }

  /** Calls back after every published run; returns the unsubscribe function. */
  subscribe(fn: (s: AnalysisSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** MG0018 input from telemetry (cluster names not matching the metrics' cluster label). */
  setTelemetryMismatches(list: TelemetryClusterMismatch[]): void {
    this.telemetry = list;
    // Fleet-wide rules run every time: nothing cached to drop.
    this.invalidate([]);
  }

  /**
   * Recomputes now, in one synchronous call (what changed since the last run,
   * like any run), cancelling a run under way. For benchmarks and tests: the
   * engine's own runs are sliced (runSliced).
   */
  run(): AnalysisSnapshot {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.cancel();
    const job = this.newJob();
    const stats = newStats();
    const steps = this.work(job, stats);
    while (!steps.next().done) stats.units++;
    return this.snapshot;
  }

  /**
   * Starts a sliced run now, as the debounce timer does, cancelling one under
   * way. Resolves with the next published snapshot: this run's, or a later
   * one's if a change supersedes it.
   */
  runSliced(): Promise<AnalysisSnapshot> {
    const published = new Promise<AnalysisSnapshot>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.begin();
    return published;
  }

  private onChange(change: FleetChange): void {
    const touches: Touch[] = [];
    let servicesTouched = false;
    for (const k of change.keys) {
      const key = parseChangeKey(k);
      if (key.kind === 'services' && key.namespace !== undefined) {
        servicesTouched = true;
        const id = key.name === undefined ? key.namespace : `${key.namespace}/${key.name}`;
        for (const c of [...(this.model.services.get(id) ?? []), ...(this.model.serviceEntries.get(id) ?? [])]) touches.push({ cluster: c, inputs: ['services'] });
        continue;
      }
      if (key.kind === 'config' && key.cluster) {
        touches.push({ cluster: key.cluster, inputs: key.configKind ? [`config:${key.configKind}`] : ['config'] });
        continue;
      }
      const inputs = KEY_INPUTS[key.kind];
      const cluster = 'cluster' in key ? key.cluster : undefined;
      touches.push(inputs && cluster ? { cluster, inputs } : { cluster: ALL, inputs: 'all' });
    }
    if (servicesTouched) {
      // A deleted Service's key names none of the clusters that held it: they are the ones whose count changed.
      for (const e of this.model.clusters()) {
        const n = e.store.services.size;
        if (this.serviceCounts.get(e.info.name) !== n) touches.push({ cluster: e.info.name, inputs: ['services'] });
        this.serviceCounts.set(e.info.name, n);
      }
    }
    this.invalidate(touches);
  }

  /** Drops the cached findings the touches may have changed, cancels a run under way, and schedules the next. */
  private invalidate(touches: Touch[]): void {
    for (const t of touches) {
      if (t.cluster === ALL) {
        this.byMesh.clear();
        break;
      }
      const mesh = this.meshOf.get(t.cluster);
      const cache = mesh === undefined ? undefined : this.byMesh.get(mesh);
      // A cluster not seen yet changes a mesh's members, which the run notices.
      if (!cache || mesh === undefined) continue;
      if (t.inputs === 'all') {
        this.byMesh.delete(mesh);
        continue;
      }
      MESH_RULES.forEach((rule, i) => {
        const rc = cache.rules[i];
        if (!rc || !readsAny(rule.reads, t.inputs as Input[])) return;
        if (rc.byCluster && rule.meshReads && !readsAny(rule.meshReads, t.inputs as Input[])) rc.byCluster.delete(t.cluster);
        else cache.rules[i] = undefined;
      });
    }
    // The run under way read the model before this change; its indexes would mix old and new.
    this.cancel();
    if (!this.pending) this.firstDirtyAt = Date.now();
    this.pending = true;
    this.schedule();
  }

  private cancel(): void {
    if (!this.job) return;
    this.job.cancelled = true;
    this.job = undefined;
    this.superseded++;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const debounce = this.opts.debounceMs ?? 250;
    const waited = this.firstDirtyAt ? Date.now() - this.firstDirtyAt : 0;
    const delay = Math.max(0, Math.min(debounce, (this.opts.maxWaitMs ?? 2000) - waited));
    this.timer = setTimeout(() => this.begin(), delay);
    this.timer.unref();
  }

  private newJob(): Job {
    const job: Job = { cancelled: false };
    this.job = job;
    this.pending = false;
    this.firstDirtyAt = 0;
    return job;
  }

  private begin(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.cancel();
    const job = this.newJob();
    this.slice(job).catch((err: unknown) => {
      if (this.job === job) this.job = undefined;
      const waiters = this.waiters.splice(0);
      for (const w of waiters) w.reject(err);
      if (this.opts.onError) this.opts.onError(err);
      else if (waiters.length === 0) setImmediate(() => { throw err; });
    });
  }

  /**
   * Drives a run in slices: units until the slice has lasted sliceMs (or
   * run unitsPerSlice units), then the event loop's turn; stops when a change
   * cancelled the run while it waited.
   */
  private async slice(job: Job): Promise<void> {
    const sliceMs = this.opts.sliceMs ?? 10;
    const perSlice = this.opts.unitsPerSlice ?? Infinity;
    const stats = newStats();
    const steps = this.work(job, stats);
    let sliceStart = performance.now();
    let inSlice = 0;
    for (;;) {
      // The generator publishes on its last step, so the closing slice is counted before it.
      const step = steps.next();
      if (step.done) return;
      stats.units++;
      inSlice++;
      const now = performance.now();
      if (now - sliceStart < sliceMs && inSlice < perSlice) continue;
      stats.maxSliceMs = Math.max(stats.maxSliceMs, now - sliceStart);
      stats.busyMs += now - sliceStart;
      await yieldToLoop();
      if (job.cancelled) return;
      sliceStart = performance.now();
      stats.sliceStart = sliceStart;
      inSlice = 0;
      stats.slices++;
    }
  }

  /** One run as steps: it yields after each unit, and publishes at the end unless cancelled. */
  private *work(job: Job, stats: Stats): Generator<void, void> {
    const started = performance.now();
    stats.sliceStart = started;
    const revision = this.model.revision;
    const now = Date.now();
    const views: ClusterView[] = [];
    for (const e of this.model.clusters()) {
      views.push(clusterViewOf(e, now));
      yield;
    }
    const options: AnalysisOptions = { now, validateSchema: this.opts.validateSchema, rootCertWarningDays: this.opts.rootCertWarningDays, telemetryMismatches: this.telemetry };
    const groups = groupByMesh(views);
    for (const mesh of [...this.byMesh.keys()]) if (!groups.has(mesh)) this.byMesh.delete(mesh);
    this.meshOf.clear();
    for (const [mesh, members] of groups) for (const m of members) this.meshOf.set(m.name, mesh);

    let recomputed = 0;
    for (const [mesh, members] of groups) {
      const names = members.map((m) => m.name).join(',');
      let cache = this.byMesh.get(mesh);
      if (!cache || cache.members !== names) this.byMesh.set(mesh, (cache = { members: names, rules: [] }));
      const todo = MESH_RULES.map((rule, i) => ({ rule, i, rc: cache.rules[i] })).filter(({ rule, rc }) => !rc?.whole && !(rc?.byCluster && rule.meshReads && members.every((m) => rc.byCluster!.has(m.name))));
      stats.reused += MESH_RULES.length - todo.length;
      if (todo.length === 0) continue;
      recomputed++;
      const ctx = new AnalysisContext(mesh, members, options);
      for (const unit of indexUnits(ctx, todo.map((t) => t.rule))) {
        unit.run();
        yield;
      }
      for (const { rule, i, rc } of todo) {
        if (rule.meshReads) {
          // A cluster's piece is valid on its own: kept as it completes, so a cancelled run's pieces serve the next.
          const byCluster = rc?.byCluster ?? new Map<string, Finding[]>();
          cache.rules[i] = { byCluster };
          for (const unit of ruleUnits(rule, ctx)) {
            if (unit.cluster === undefined) throw new Error(`rule ${rule.codes.join('/')}: a per-cluster rule's unit names no cluster`);
            if (byCluster.has(unit.cluster)) {
              stats.reused++;
              continue;
            }
            byCluster.set(unit.cluster, unit.run());
            yield;
          }
          continue;
        }
        const whole: Finding[] = [];
        for (const unit of ruleUnits(rule, ctx)) {
          for (const f of unit.run()) whole.push(f);
          yield;
        }
        // Stored only once every piece ran: a cancelled run leaves no half-done rule behind.
        cache.rules[i] = { whole };
      }
    }

    const fleetWide: Finding[] = [];
    const fleetCtx = new AnalysisContext('*', views, options);
    for (const rule of FLEET_RULES) {
      for (const unit of ruleUnits(rule, fleetCtx)) {
        for (const f of unit.run()) fleetWide.push(f);
        yield;
      }
    }
    if (job.cancelled) return;

    const unique = new Map<string, Finding>();
    for (const cache of this.byMesh.values()) {
      for (const rc of cache.rules) {
        for (const f of rc?.whole ?? []) unique.set(f.id, f);
        for (const list of rc?.byCluster?.values() ?? []) for (const f of list) unique.set(f.id, f);
      }
    }
    for (const f of fleetWide) unique.set(f.id, f);
    const findings = sortFindings([...unique.values()]);
    const end = performance.now();
    // The closing slice (the sync driver overwrites these with the whole call).
    stats.maxSliceMs = Math.max(stats.maxSliceMs, end - stats.sliceStart);
    stats.busyMs += end - stats.sliceStart;
    const round = (x: number) => Math.round(x * 10) / 10;
    this.snapshot = {
      findings,
      revision,
      computedAt: new Date(now).toISOString(),
      lastRun: { meshes: groups.size, recomputed, ms: round(end - started), busyMs: round(stats.busyMs), slices: stats.slices, maxSliceMs: round(stats.maxSliceMs), units: stats.units, reused: stats.reused, superseded: this.superseded },
    };
    this.superseded = 0;
    this.job = undefined;
    for (const w of this.waiters.splice(0)) w.resolve(this.snapshot);
    for (const l of this.listeners) l(this.snapshot);
  }
}
