import 'server-only';
import type { SourceStatus } from '@/lib/fleet/clusters';
import type { ApiLatency } from './api-latency-probe';
import type { DiscoveredCluster, NetworkGateway } from '../istiod/debug-endpoints';
import type { ProxySyncSummary } from '../istiod/syncz';
import type { ClusterCondition } from './cluster-state';
import type { AnyRecord, KindSpec } from './kinds';
import type { SlimPod } from './records';

/** A cluster as its source describes it. */
export interface ClusterInfo {
  name: string;
  displayName: string;
  source: string;
  mesh?: string;
  network?: string;
}

/** What the model asks of a cluster's connection: its live condition and ingest counters. */
export interface ClusterLiveView {
  condition(now: number): ClusterCondition;
  skipped(): { count: number; oversized: number; lastReason?: string };
  kubernetesVersion(): string | undefined;
  /** The last timed round trip to its API server, once measured. */
  apiLatency?(): ApiLatency | undefined;
  /** Watches its API server ended with 410 Gone lately (each a full relist). */
  watchExpiries?(now: number): number;
}

/** The last poll of one istiod revision's debug endpoints. */
export interface ControlPlanePoll {
  revision: string;
  namespace: string;
  pod?: string;
  state: 'pending' | 'ok' | 'error';
  error?: string;
  lastPolledAt?: string;
  version?: string;
  proxies: ProxySyncSummary[];
  clusters: DiscoveredCluster[];
  gateways: NetworkGateway[];
}

/**
 * Everything server/clusters writes to, and the little it reads back: the
 * fleet model implements it, so connections, the manager and the istiod
 * poller know this interface and not the model above them.
 */
export interface FleetSink {
  upsertCluster(info: ClusterInfo, view: ClusterLiveView): void;
  removeCluster(name: string): void;
  /** The cluster's condition changed (state, reason, synced kinds). */
  clusterChanged(name: string): void;
  apply(cluster: string, spec: KindSpec, key: string, record: AnyRecord | undefined): void;
  replaceKind(cluster: string, spec: KindSpec, records: Map<string, AnyRecord>): void;
  dropConfigKind(cluster: string, spec: KindSpec): void;
  setSourcesView(view: () => SourceStatus[]): void;
  sourcesChanged(): void;
  /** The cluster's istiod pods as last seen by its watches; undefined for an unknown cluster. */
  istiodPods(cluster: string): SlimPod[] | undefined;
  setControlPlanes(cluster: string, polls: ControlPlanePoll[]): void;
  /** Polls that answered as before: only their times move, without a change event. */
  controlPlanesPolled(cluster: string, polls: ControlPlanePoll[]): void;
}
