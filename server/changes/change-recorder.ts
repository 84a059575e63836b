import 'server-only';
import type { Role } from '../clusters/kinds';
import type { AnalysisEngine, AnalysisSnapshot } from '../analysis/engine';
import type { FleetModel } from '../fleet/model';
import type { ChangeInput } from '../history/types';
import type { ChangeSink } from './change-sink';
import { ClusterPhaseTracker } from './cluster-phase-tracker';
import { ControlPlaneTracker } from './control-plane-tracker';
import { describeConfig } from './describe-config';
import { describeDeployment } from './describe-deployment';
import { describeNamespace } from './describe-namespace';
import { describeRootCert } from './describe-root-cert';
import { describeService } from './describe-service';
import { FindingTracker } from './finding-tracker';
import type { Describer } from './record-describer';
import { subjectServices } from './subject-services';

export type { ChangeSink } from './change-sink';

export interface ChangeRecorderOptions {
  /** The time entries are stamped with (tests fix it). */
  now?: () => Date;
  /** The analysis engine whose findings appearing and clearing are recorded; without it, findings are not. */
  analysis?: () => AnalysisEngine;
  /** A describer or the sink threw; the entry is lost, recording goes on. */
  onError?: (err: unknown) => void;
}

/** The roles whose records are history; pods, slices, nodes, mesh config and Secrets (never) are not. */
const DESCRIBERS: Partial<Record<Role, Describer<never>>> = {
  config: describeConfig,
  deployments: describeDeployment,
  services: describeService,
  namespaces: describeNamespace,
  rootcerts: describeRootCert,
};

/**
 * Records the fleet's changes: watches the model's writes, control-plane
 * polls and cluster states, and the analysis engine's findings, and hands
 * `ChangeInput`s to `sink` in batches (one per write, relist or snapshot, in
 * order). A kind's first list in a cluster and a cluster's first state are
 * the baseline, not changes; a relist records what it finds different; a
 * cluster leaving is one entry. Work per write is in proportion to the object.
 */
export function startChangeRecorder(model: FleetModel, sink: ChangeSink, opts: ChangeRecorderOptions = {}): { stop(): void } {
  const now = opts.now ?? (() => new Date());
  const at = () => now().toISOString();
  const fail = (err: unknown) => opts.onError?.(err);
  let pending: ChangeInput[] = [];
  let scheduled = false;
  let stopped = false;

  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      sink.record(batch);
    } catch (err) {
      fail(err);
    }
  };
  const push = (e: ChangeInput | readonly ChangeInput[] | undefined) => {
    if (stopped || e === undefined) return;
    if (Array.isArray(e)) pending.push(...(e as ChangeInput[]));
    else pending.push(e as ChangeInput);
    // Writes of one tick (a relist, a chunk of watch events) go out as one batch, after the model's write is done.
    if (!scheduled && pending.length) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };
  const guarded = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
    try {
      fn(...args);
    } catch (err) {
      fail(err);
    }
  };

  const phases = new ClusterPhaseTracker();
  const planes = new ControlPlaneTracker();
  for (const e of model.clusters()) {
    phases.update(e.info.name, e.view.condition(Date.now()), model.revision, at());
    planes.seed(e.info.name, e.controlPlanes);
  }

  const unobserve = model.observe({
    recordChanged: guarded((c) => {
      if (c.cause === 'initial' || c.cause === 'dropped') return;
      const describe = DESCRIBERS[c.spec.role] as Describer<unknown> | undefined;
      const store = describe && model.cluster(c.cluster)?.store;
      if (describe && store) push(describe(c.before, c.after, { at: at(), cluster: c.cluster, store }));
    }),
    controlPlanesChanged: guarded((cluster, _before, after) => push(planes.update(cluster, after, at()))),
    clusterChanged: guarded((cluster) => {
      const e = model.cluster(cluster);
      if (e) push(phases.update(cluster, e.view.condition(Date.now()), model.revision, at()));
    }),
    clusterRemoved: guarded((cluster) => {
      planes.forget(cluster);
      push(phases.removed(cluster, at()));
    }),
  });

  let unsubscribe: (() => void) | undefined;
  if (opts.analysis) {
    const engine = opts.analysis();
    const findings = new FindingTracker();
    let previous = -1;
    const onSnapshot = (s: AnalysisSnapshot) => {
      // Until a run that read a cluster's whole data has been published, its findings are its initial sync showing:
      // the run before this one must have started after the cluster had synced.
      const since = previous;
      previous = s.revision ?? -1;
      push(findings.update(s.findings, at(), {
        settled: (f) => f.clusters.every((c) => model.cluster(c) !== undefined && (phases.dataSince(c) ?? Infinity) <= since),
        services: (o) => subjectServices(model, o),
      }));
    };
    const current = engine.current();
    if (current.revision !== undefined) onSnapshot(current);
    unsubscribe = engine.subscribe(guarded(onSnapshot));
  }

  return {
    stop() {
      if (stopped) return;
      unobserve();
      unsubscribe?.();
      flush();
      stopped = true;
    },
  };
}
