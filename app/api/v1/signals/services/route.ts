import { apiRoute } from '@/server/http/api-route';
import { parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { getServiceSignals } from '@/server/telemetry/service-signals';
import { serviceSignalsQuerySchema } from '@/lib/api/telemetry';

export const dynamic = 'force-dynamic';

/** Golden signals and health per service of each mesh (namespace sameness within a mesh) and per cluster: ?namespace&cluster&window. */
export const GET = apiRoute('signals.services', async (req, ctx) => {
  const query = parseQuery(req, serviceSignalsQuerySchema);
  return telemetryJson(ctx.app.model, await getServiceSignals(ctx.app.telemetry, ctx.app.facts(ctx.scope), query));
});
