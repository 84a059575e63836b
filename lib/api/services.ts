import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { pageSchema } from '../fleet/paging';
import { serviceDetailSchema, serviceSummarySchema, type ServiceDetailQuery } from '../fleet/services';
import { qs, seg, type Params } from './query-params';

const serviceList = fleetResponseSchema(pageSchema(serviceSummarySchema));
const serviceOne = fleetResponseSchema(serviceDetailSchema);

/** GET /api/v1/services (rows per mesh, namespace and name; `mesh` filters) and /api/v1/services/{namespace}/{name}. */
export const fetchServices = (p: Params) => fetchJson(`/api/v1/services${qs(p)}`, serviceList);
/** One mesh's service: `mesh`, else the mesh of `cluster`, else the first mesh that has it. */
export const fetchService = (ns: string, name: string, q: ServiceDetailQuery = {}) => fetchJson(`/api/v1/services/${seg(ns)}/${seg(name)}${qs({ mesh: q.mesh, cluster: q.cluster })}`, serviceOne);
export const useServices = (p: Params = {}) => useQuery({ queryKey: qk.services.list(p), queryFn: () => fetchServices(p) });
// Under the detail key, so a change to the service invalidates every mesh's answer.
export const useService = (ns: string, name: string, q: ServiceDetailQuery = {}) =>
  useQuery({ queryKey: [...qk.services.detail(ns, name), { mesh: q.mesh, cluster: q.cluster }], queryFn: () => fetchService(ns, name, q) });
