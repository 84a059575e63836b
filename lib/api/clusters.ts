import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { clusterDetailSchema, clusterListSchema } from '../fleet/clusters';
import { seg } from './query-params';

const clusterList = fleetResponseSchema(clusterListSchema);
const clusterOne = fleetResponseSchema(clusterDetailSchema);

/** GET /api/v1/clusters and /api/v1/clusters/{name}. SSE change events invalidate the hooks by key prefix (keysForChange). */
export const fetchClusters = () => fetchJson('/api/v1/clusters', clusterList);
export const fetchCluster = (name: string) => fetchJson(`/api/v1/clusters/${seg(name)}`, clusterOne);
export const useClusters = () => useQuery({ queryKey: qk.clusters.list(), queryFn: fetchClusters });
export const useCluster = (name: string) => useQuery({ queryKey: qk.clusters.detail(name), queryFn: () => fetchCluster(name) });
