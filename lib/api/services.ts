import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { pageSchema } from '../fleet/paging';
import { serviceDetailSchema, serviceSummarySchema } from '../fleet/services';
import { qs, seg, type Params } from './query-params';

const serviceList = fleetResponseSchema(pageSchema(serviceSummarySchema));
const serviceOne = fleetResponseSchema(serviceDetailSchema);

/** GET /api/v1/services and /api/v1/services/{namespace}/{name}. */
export const fetchServices = (p: Params) => fetchJson(`/api/v1/services${qs(p)}`, serviceList);
export const fetchService = (ns: string, name: string) => fetchJson(`/api/v1/services/${seg(ns)}/${seg(name)}`, serviceOne);
export const useServices = (p: Params = {}) => useQuery({ queryKey: qk.services.list(p), queryFn: () => fetchServices(p) });
export const useService = (ns: string, name: string) => useQuery({ queryKey: qk.services.detail(ns, name), queryFn: () => fetchService(ns, name) });
