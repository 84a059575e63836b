import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { configDetailSchema, configSummarySchema } from '../fleet/config';
import { pageSchema } from '../fleet/paging';
import { qs, seg, type Params } from './query-params';

const configList = fleetResponseSchema(pageSchema(configSummarySchema));
const configOne = fleetResponseSchema(configDetailSchema);

/** GET /api/v1/config and one object: operator detail; ask only with the configSpecs capability (useCapability). */
export const fetchConfigObjects = (p: Params) => fetchJson(`/api/v1/config${qs(p)}`, configList);
export const fetchConfigObject = (cluster: string, group: string, kind: string, ns: string, name: string) =>
  fetchJson(`/api/v1/config/${[cluster, group || '-', kind, ns || '-', name].map(seg).join('/')}`, configOne);
export const useConfigObjects = (p: Params = {}, enabled = true) => useQuery({ queryKey: qk.config.list(p), queryFn: () => fetchConfigObjects(p), enabled });
