import { apiRoute } from '@/server/http/api-route';
import { getControlPlanes } from '@/server/fleet/controlplanes';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { controlPlanesQuerySchema } from '@/lib/fleet/controlplanes';

export const dynamic = 'force-dynamic';

/** Every istiod revision: version, root certificate, discovered clusters, proxy sync counts. ?cluster */
export const GET = apiRoute('controlplanes.list', (req, ctx) => {
  const query = parseQuery(req, controlPlanesQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getControlPlanes(model, ctx.scope, query));
});
