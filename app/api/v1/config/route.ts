import { apiRoute } from '@/server/http/api-route';
import { getConfigObjects } from '@/server/fleet/config';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { configQuerySchema } from '@/lib/fleet/config';

export const dynamic = 'force-dynamic';

/** Istio, Gateway API and Admiral config objects, Gateway API ones with their status: ?kind&cluster&namespace&q&page&pageSize. */
export const GET = apiRoute('config.list', (req, ctx) => {
  const query = parseQuery(req, configQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getConfigObjects(model, ctx.scope, query));
});
