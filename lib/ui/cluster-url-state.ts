import type { DataplaneMode } from '../fleet/dataplane';
import { oneOf } from './url-state';

const MODES: readonly DataplaneMode[] = ['sidecar', 'ambient', 'none'];

/** The cluster page's own state in the URL: the workloads table's data-plane filter. */
export interface ClusterUrlState {
  dataplane?: DataplaneMode;
}

/** Reads `?dataplane=`; an unknown mode is no filter. */
export function parseClusterState(s: URLSearchParams): ClusterUrlState {
  return { dataplane: oneOf(s.get('dataplane') ?? undefined, MODES) };
}

/** `?dataplane=<mode>`, or '' without a filter. */
export function serialiseClusterState(st: ClusterUrlState): string {
  return st.dataplane ? `?${new URLSearchParams({ dataplane: st.dataplane }).toString()}` : '';
}
