import { apiRoute } from '@/server/http/api-route';
import { getIdentities } from '@/server/fleet/identities';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { identitiesQuerySchema } from '@/lib/fleet/identities';

export const dynamic = 'force-dynamic';

/** Admiral identities as global names (`<env>.<identity>.global`): ?q&env&page&pageSize. */
export const GET = apiRoute('identities.list', (req, ctx) => {
  const query = parseQuery(req, identitiesQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getIdentities(model, ctx.scope, query));
});
