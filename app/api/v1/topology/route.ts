import { apiRoute } from '@/server/http/api-route';
import { parseQuery } from '@/server/fleet/route-helpers';
import { currentFleetFacts, currentTelemetry, telemetryJson } from '@/server/telemetry/current';
import { getTopology, topologyJsonText } from '@/server/telemetry/topology';
import { topologyQuerySchema } from '@/lib/api/topology';

export const dynamic = 'force-dynamic';

/** The cross-cluster graph: ?window&graphType&clusters&namespaces&hideIdle&focus&hops&detail (lists comma-separated). */
export const GET = apiRoute('topology', async (req, ctx) => {
  const query = parseQuery(req, topologyQuerySchema);
  const res = await getTopology(currentTelemetry(), currentFleetFacts(ctx.scope), query);
  // Status and headers as every telemetry route answers; the body with the shared answer's JSON made once.
  const head = telemetryJson({ ...res, data: null });
  return new Response(topologyJsonText(res), { status: head.status, headers: head.headers });
});
