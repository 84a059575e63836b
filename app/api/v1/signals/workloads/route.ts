import { apiRoute } from '@/server/http/api-route';
import { parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { getWorkloadSignals } from '@/server/telemetry/workload-signals';
import { workloadSignalsQuerySchema } from '@/lib/api/telemetry';

export const dynamic = 'force-dynamic';

/** Inbound golden signals and health per workload: ?namespace&cluster&window. */
export const GET = apiRoute('signals.workloads', async (req, ctx) => {
  const query = parseQuery(req, workloadSignalsQuerySchema);
  return telemetryJson(ctx.app.model, await getWorkloadSignals(ctx.app.telemetry, ctx.app.facts(ctx.scope), query));
});
