import { apiRoute } from '@/server/http/api-route';
import { getProxies } from '@/server/fleet/proxies';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { proxiesQuerySchema } from '@/lib/fleet/controlplanes';

export const dynamic = 'force-dynamic';

/** Proxies with their xDS sync state: ?cluster&namespace&state=SYNCED|STALE|NOT SENT&q&page&pageSize. */
export const GET = apiRoute('proxies.list', (req, ctx) => {
  const query = parseQuery(req, proxiesQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getProxies(model, ctx.scope, query));
});
