import { apiRoute } from '@/server/http/api-route';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { getWorkloads } from '@/server/fleet/workloads';
import { workloadsQuerySchema } from '@/lib/fleet/workloads';

export const dynamic = 'force-dynamic';

/** Workloads grouped per mesh by canonical service and revision, each with its data-plane mode: ?cluster&mesh&namespace&q&dataplane&page&pageSize. */
export const GET = apiRoute('workloads.list', (req, ctx) => {
  const query = parseQuery(req, workloadsQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getWorkloads(model, ctx.scope, query));
});
