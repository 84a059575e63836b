/** Switches scenarios one at a time: reverts the active one (and everything it changed) before applying the next. */
import type { FleetSpec } from '../fleet/types';
import type { KubeObject } from '../kube/types';
import type { TrafficModel } from '../telemetry/traffic-model';
import { createCa } from '../pki';
import { restorable } from './helpers';
import { scenarioByName, scenarioNames } from './registry';
import type { Scenario, ScenarioCluster, ScenarioFleet } from './types';

interface Activation {
  scenario: Scenario;
  fleet: ScenarioFleet;
  timers: NodeJS.Timeout[];
  undo: Array<() => void | Promise<void>>;
}

const NO_FAULTS = { refuseConnections: false, delayMs: 0, rejectAllTokens: false, expireWatches: false };


export class ScenarioRunner {
  private active: Activation | undefined;
  private queue: Promise<void> = Promise.resolve();
  private foreignRoot: string | undefined;
  current = 'healthy';

  constructor(private readonly base: { spec: FleetSpec; model: TrafficModel; clusters: ScenarioCluster[] }) {}

  /** Reverts the active scenario and applies `name`; rejects for an unknown name (listing the known ones). */
  set(name: string): Promise<void> {
    const scenario = scenarioByName(name);
    if (!scenario) return Promise.reject(new Error(`unknown scenario "${name}" (known: ${scenarioNames().join(', ')})`));
    const next = this.queue.then(async () => {
      await this.revertActive();
      const activation = this.activate(scenario);
      this.active = activation;
      this.current = scenario.name;
      await scenario.apply(activation.fleet);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the active scenario's timers (used on shutdown; state is discarded with the fleet). */
  stop(): void {
    for (const t of this.active?.timers ?? []) clearInterval(t);
    this.active = undefined;
  }

  private activate(scenario: Scenario): Activation {
    const timers: NodeJS.Timeout[] = [];
    const undo: Activation['undo'] = [];
    const saved = new Map<string, { cluster: string; original: KubeObject | undefined; ref: [string, string, string | undefined, string] }>();
    const clusterOf = (name: string) => {
      const c = this.base.clusters.find((x) => x.name === name);
      if (!c) throw new Error(`unknown cluster "${name}"`);
      return c;
    };
    const fleet: ScenarioFleet = {
      spec: this.base.spec,
      clusters: this.base.clusters,
      cluster: clusterOf,
      model: this.base.model,
      foreignRootPem: () => (this.foreignRoot ??= createCa('rogue root CA').certPem),
      replace: (cluster, obj) => {
        const store = clusterOf(cluster).store;
        const ref: [string, string, string | undefined, string] = [obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name];
        const key = `${cluster}|${ref.join('|')}`;
        if (!saved.has(key)) saved.set(key, { cluster, original: store.get(...ref), ref });
        store.apply(obj);
      },
      every: (ms, fn) => {
        timers.push(setInterval(fn, ms));
      },
      onRevert: (fn) => undo.push(fn),
    };
    // Restores replaced objects after the scenario's own undo steps.
    undo.push(() => {
      for (const { cluster, original, ref } of saved.values()) {
        const store = clusterOf(cluster).store;
        if (original) store.apply(restorable(original));
        else store.delete(...ref);
      }
    });
    return { scenario, fleet, timers, undo };
  }

  private async revertActive(): Promise<void> {
    const a = this.active;
    if (!a) return;
    this.active = undefined;
    for (const t of a.timers) clearInterval(t);
    await a.scenario.revert(a.fleet);
    for (const fn of a.undo) await fn();
    // Whatever a scenario did, the baseline is: no API faults, no sync faults, the model as specified.
    this.base.model.setAdjuster(undefined);
    for (const c of this.base.clusters) {
      c.syncFaults.clear();
      const f = c.api.faults;
      if (f.refuseConnections || f.delayMs || f.rejectAllTokens || f.expireWatches) await c.api.setFaults(NO_FAULTS);
    }
  }
}
