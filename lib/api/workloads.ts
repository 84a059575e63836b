import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { pageSchema } from '../fleet/paging';
import { workloadGroupSchema } from '../fleet/workloads';
import { qs, type Params } from './query-params';

const workloadList = fleetResponseSchema(pageSchema(workloadGroupSchema));

/** GET /api/v1/workloads. */
export const fetchWorkloads = (p: Params) => fetchJson(`/api/v1/workloads${qs(p)}`, workloadList);
export const useWorkloads = (p: Params = {}) => useQuery({ queryKey: qk.workloads.list(p), queryFn: () => fetchWorkloads(p) });
