import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { proxyPageSchema } from '../fleet/controlplanes';
import { qs, type Params } from './query-params';

// With the sidecar count from the pods and each cluster's sync knowledge: 0 proxies may mean "istiod could not be asked".
const proxyList = fleetResponseSchema(proxyPageSchema);

/** GET /api/v1/proxies: operator detail; ask only with the proxies capability (useCapability). */
export const fetchProxies = (p: Params) => fetchJson(`/api/v1/proxies${qs(p)}`, proxyList);
export const useProxies = (p: Params = {}, enabled = true) => useQuery({ queryKey: qk.proxies.list(p), queryFn: () => fetchProxies(p), enabled });
