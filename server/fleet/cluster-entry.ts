import 'server-only';
import type { ClusterCondition } from '../clusters/cluster-state';
import type { DiscoveredCluster, NetworkGateway } from '../istiod/debug-endpoints';
import type { ProxySyncSummary } from '../istiod/syncz';
import type { ClusterStore } from './cluster-store';

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

/** Everything the model holds about one cluster. */
export interface ClusterEntry {
  info: ClusterInfo;
  view: ClusterLiveView;
  store: ClusterStore;
  controlPlanes: Map<string, ControlPlanePoll>;
}
