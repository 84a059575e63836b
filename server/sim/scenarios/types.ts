/** The contract between the runtime and the named scenarios. */
import type { FleetSpec } from '../fleet/types';
import type { SyncFaults } from '../istiod/proxies';
import type { ClusterStore, KubeApiServerHandle, KubeObject } from '../kube/types';
import type { TrafficModel } from '../telemetry/traffic-model';

/** A running cluster as scenarios see it. */
export interface ScenarioCluster {
  name: string;
  mesh: string;
  network: string;
  region: string;
  store: ClusterStore;
  api: KubeApiServerHandle;
  /** Per-proxy xDS faults this cluster's istiods report in /debug/syncz. */
  syncFaults: SyncFaults;
}

/** What a scenario may change: stores (so watches see it), API faults, the traffic model, istiod sync state. */
export interface ScenarioFleet {
  spec: FleetSpec;
  clusters: ScenarioCluster[];
  /** Throws for an unknown cluster. */
  cluster(name: string): ScenarioCluster;
  model: TrafficModel;
  /** A root certificate PEM from a CA unrelated to every mesh's root (created on first use). */
  foreignRootPem(): string;
  /** Applies `obj` to the cluster's store and remembers the previous state, restored when the scenario ends. */
  replace(cluster: string, obj: KubeObject): void;
  /** Runs `fn` every `ms` until the scenario ends. */
  every(ms: number, fn: () => void): void;
  /** Runs `fn` when the scenario ends (after its own revert). */
  onRevert(fn: () => void | Promise<void>): void;
}

/** A named fault or state of the fleet, switchable at start and at run time. */
export interface Scenario {
  name: string;
  /** One line for --help and GET /scenario. */
  summary: string;
  /** What a dashboard user should see (collected in docs/simulator.md). */
  doc: string;
  apply(fleet: ScenarioFleet): void | Promise<void>;
  revert(fleet: ScenarioFleet): void | Promise<void>;
}
