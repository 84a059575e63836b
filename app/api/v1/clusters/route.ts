import { apiRoute } from '@/server/http/api-route';
import { getClusters } from '@/server/fleet/clusters';
import { sharedFleetJson } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** Every cluster with its state, plus meshes and networks. */
export const GET = apiRoute('clusters.list', (_req, ctx) => {
  const model = ctx.app.model;
  return sharedFleetJson(model, ctx.scope, 'clusters', () => getClusters(model, ctx.scope));
});
