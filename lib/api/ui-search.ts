import { useQuery } from '@tanstack/react-query';
import { useClusters } from './clusters';
import { fetchConfigObjects } from './config';
import { fetchServices } from './services';
import { fetchWorkloads } from './workloads';
import { qk } from './query-keys';
import { useCapability } from './workspaces-ui';

const LIMIT = 6;

/** The fleet-wide lookups behind global search; nothing is asked until there is a query. */
export function useGlobalSearch(q: string) {
  const enabled = q.trim().length > 0;
  const clusters = useClusters();
  const services = useQuery({ queryKey: qk.services.list({ q, pageSize: LIMIT, search: true }), queryFn: () => fetchServices({ q, pageSize: LIMIT }), enabled });
  const workloads = useQuery({ queryKey: qk.workloads.list({ q, pageSize: LIMIT, search: true }), queryFn: () => fetchWorkloads({ q, pageSize: LIMIT }), enabled });
  // Config objects only for callers who may read them (a viewer would get a 403 per keystroke).
  const canConfig = useCapability('configSpecs') === true;
  const config = useQuery({ queryKey: qk.config.list({ q, pageSize: 3 * LIMIT, search: true }), queryFn: () => fetchConfigObjects({ q, pageSize: 3 * LIMIT }), enabled: enabled && canConfig });
  return {
    sources: {
      clusters: clusters.data?.data.items,
      services: services.data?.data.items,
      workloads: workloads.data?.data.items,
      config: config.data?.data.items,
    },
    loading: enabled && (services.isFetching || workloads.isFetching || config.isFetching),
  };
}
