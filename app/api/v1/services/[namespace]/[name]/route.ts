import { z } from 'zod';
import { dnsLabelSchema, objectNameSchema } from '@/lib/fleet/params';
import { apiRoute } from '@/server/http/api-route';
import { parseParams, sharedFleetJson } from '@/server/http/route-helpers';
import { getService } from '@/server/fleet/services';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ namespace: dnsLabelSchema, name: objectNameSchema });

/** One global service with every cluster's instance; 404 when no visible cluster has it. */
export const GET = apiRoute('services.get', (_req, ctx) => {
  const { namespace, name } = parseParams(ctx.params, params);
  const model = ctx.app.model;
  return sharedFleetJson(model, ctx.scope, `service\u0000${namespace}\u0000${name}`, () => getService(model, ctx.scope, namespace, name), `service ${namespace}/${name}`);
});
