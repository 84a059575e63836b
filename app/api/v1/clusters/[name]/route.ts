import { z } from 'zod';
import { clusterNameSchema } from '@/lib/fleet/params';
import { apiRoute } from '@/server/http/api-route';
import { getCluster } from '@/server/fleet/clusters';
import { fleetJson, parseParams } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ name: clusterNameSchema });

/** One cluster with its remote secrets, ztunnel per node and waypoints; 400 for a malformed name, 404 when unknown. */
export const GET = apiRoute('clusters.get', (_req, ctx) => {
  const { name } = parseParams(ctx.params, params);
  const model = ctx.app.model;
  return fleetJson(model, getCluster(model, ctx.scope, name), `cluster ${name}`);
});
