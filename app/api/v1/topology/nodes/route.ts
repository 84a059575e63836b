import { apiRoute } from '@/server/http/api-route';
import { parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { getTopology } from '@/server/telemetry/topology';
import { topologyNodeSearchSchema } from '@/lib/api/topology';
import { findNodes } from '@/lib/topology-view/find-nodes';

export const dynamic = 'force-dynamic';

/** Nodes of the graph (the topology query's) whose name contains ?q: a grouped page searches what it has not downloaded. */
export const GET = apiRoute('topology.nodes', async (req, ctx) => {
  const { q, ...query } = parseQuery(req, topologyNodeSearchSchema);
  // The shared built answer of the same query and scope: a search costs no build.
  const res = await getTopology(ctx.app.telemetry, ctx.app.facts(ctx.scope), { ...query, group: undefined, expand: undefined });
  return telemetryJson(ctx.app.model, { ...res, data: { items: findNodes(res.data.elements.nodes, q) } });
});
