import { apiRoute } from '@/server/http/api-route';
import { getConfigObject } from '@/server/fleet/config';
import { fleetJson, parseParams } from '@/server/http/route-helpers';
import { configRefSchema } from '@/lib/fleet/config';

export const dynamic = 'force-dynamic';

/** One config object with its spec. Core group as '-' or 'core'; '-' as namespace for cluster-scoped kinds. */
export const GET = apiRoute('config.get', (_req, ctx) => {
  const ref = parseParams(ctx.params, configRefSchema);
  const model = ctx.app.model;
  return fleetJson(model, getConfigObject(model, ctx.scope, ref), `${ref.kind} ${ref.namespace}/${ref.name} in ${ref.cluster}`);
});
