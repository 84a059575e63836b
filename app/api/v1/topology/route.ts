import { apiRoute } from '@/server/http/api-route';
import { parseQuery } from '@/server/fleet/route-helpers';
import { currentFleetFacts, currentTelemetry, telemetryJson } from '@/server/telemetry/current';
import { getTopology } from '@/server/telemetry/topology';
import { topologyQuerySchema } from '@/lib/api/topology';

export const dynamic = 'force-dynamic';

/** The cross-cluster graph: ?window&graphType&clusters&namespaces&hideIdle&focus&hops (lists comma-separated). */
export const GET = apiRoute('topology', async (req, ctx) => {
  const query = parseQuery(req, topologyQuerySchema);
  return telemetryJson(await getTopology(currentTelemetry(), currentFleetFacts(ctx.scope), query));
});
