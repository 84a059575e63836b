import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { identitySchema } from '../fleet/identities';
import { pageSchema } from '../fleet/paging';
import { qs, type Params } from './query-params';

const identityList = fleetResponseSchema(pageSchema(identitySchema));

/** GET /api/v1/identities: Admiral's global identities. */
export const fetchIdentities = (p: Params) => fetchJson(`/api/v1/identities${qs(p)}`, identityList);
export const useIdentities = (p: Params = {}) => useQuery({ queryKey: qk.identities.list(p), queryFn: () => fetchIdentities(p) });
