import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { controlPlaneSchema } from '../fleet/controlplanes';
import { qs, type Params } from './query-params';

const controlPlaneList = fleetResponseSchema(controlPlaneSchema.array());

/** GET /api/v1/controlplanes: every istiod revision. */
export const fetchControlPlanes = (p: Params) => fetchJson(`/api/v1/controlplanes${qs(p)}`, controlPlaneList);
export const useControlPlanes = (p: Params = {}) => useQuery({ queryKey: qk.controlPlanes.list(p), queryFn: () => fetchControlPlanes(p) });
