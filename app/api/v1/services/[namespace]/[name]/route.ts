import { z } from 'zod';
import { dnsLabelSchema, objectNameSchema } from '@/lib/fleet/params';
import { apiRoute } from '@/server/http/api-route';
import { serviceDetailQuerySchema } from '@/lib/fleet/services';
import { parseParams, parseQuery, sharedFleetJson } from '@/server/http/route-helpers';
import { getService } from '@/server/fleet/services';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ namespace: dnsLabelSchema, name: objectNameSchema });

/** One mesh's service with each of its clusters' instance and the routes sending traffic to it (?mesh, else the mesh of ?cluster, else the first); 404 when no visible cluster has it. */
export const GET = apiRoute('services.get', (req, ctx) => {
  const { namespace, name } = parseParams(ctx.params, params);
  const query = parseQuery(req, serviceDetailQuerySchema);
  const model = ctx.app.model;
  const key = `service\u0000${namespace}\u0000${name}\u0000${query.mesh ?? '\u0001'}\u0000${query.cluster ?? ''}`;
  return sharedFleetJson(model, ctx.scope, key, () => getService(model, ctx.scope, namespace, name, query), `service ${namespace}/${name}${query.mesh !== undefined ? ` in mesh ${query.mesh || '(none)'}` : ''}`);
});
