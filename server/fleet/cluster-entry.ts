import 'server-only';
import type { ClusterInfo, ClusterLiveView, ControlPlanePoll } from '../clusters/fleet-sink';
import type { ClusterStore } from './cluster-store';

export type { ClusterInfo, ClusterLiveView, ControlPlanePoll } from '../clusters/fleet-sink';

/** Everything the model holds about one cluster. */
export interface ClusterEntry {
  info: ClusterInfo;
  view: ClusterLiveView;
  store: ClusterStore;
  controlPlanes: Map<string, ControlPlanePoll>;
}
