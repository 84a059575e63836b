import { apiRoute } from '@/server/http/api-route';
import { parseQuery } from '@/server/http/route-helpers';
import { telemetryStatus } from '@/server/http/route-helpers';
import { JSON_HEADERS } from '@/server/http/api-problem';
import { getGroupedTopology, topologyBody } from '@/server/telemetry/topology';
import { topologyResponse } from '@/server/telemetry/topology-response';
import { topologyQuerySchema } from '@/lib/api/topology';

export const dynamic = 'force-dynamic';

/** The cross-cluster graph: ?window&graphType&clusters&namespaces&hideIdle&focus&hops&detail&group&expand (lists comma-separated). */
export const GET = apiRoute('topology', async (req, ctx) => {
  const query = parseQuery(req, topologyQuerySchema);
  const res = await getGroupedTopology(ctx.app.telemetry, ctx.app.facts(ctx.scope), query);
  // Status and headers as every telemetry route answers; the body the shared answer's bytes, made once (ETag).
  return topologyResponse(req, topologyBody(res), telemetryStatus(ctx.app.model), JSON_HEADERS);
});
