import { apiRoute } from '@/server/http/api-route';
import { parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { currentFleetFacts, currentTelemetry } from '@/server/telemetry/current';
import { getWorkloadSignals } from '@/server/telemetry/workload-signals';
import { workloadSignalsQuerySchema } from '@/lib/api/telemetry';

export const dynamic = 'force-dynamic';

/** Inbound golden signals and health per workload: ?namespace&cluster&window. */
export const GET = apiRoute('signals.workloads', async (req, ctx) => {
  const query = parseQuery(req, workloadSignalsQuerySchema);
  return telemetryJson(await getWorkloadSignals(currentTelemetry(), currentFleetFacts(ctx.scope), query));
});
