import { z } from 'zod';
import { objectNameSchema } from '@/lib/fleet/params';
import { apiRoute } from '@/server/http/api-route';
import { getIdentity } from '@/server/fleet/identities';
import { fleetJson, parseParams } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ name: objectNameSchema });

/** One identity by global name ('stage.greeting.global'): endpoints per cluster, GTP weights, dependencies; 404 when unknown. */
export const GET = apiRoute('identities.get', (_req, ctx) => {
  const { name } = parseParams(ctx.params, params);
  const model = ctx.app.model;
  return fleetJson(model, getIdentity(model, ctx.scope, name), `identity ${name}`);
});
