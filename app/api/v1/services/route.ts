import { apiRoute } from '@/server/http/api-route';
import { currentFleetModel } from '@/server/fleet/current';
import { fleetJson, parseQuery } from '@/server/fleet/route-helpers';
import { getServicesWithSignals } from '@/server/telemetry/service-list-signals';
import { currentTelemetry } from '@/server/telemetry/current';
import { servicesQuerySchema } from '@/lib/fleet/services';

export const dynamic = 'force-dynamic';

/** Global services and ServiceEntries (with signals and health when telemetry is configured): ?cluster&namespace&q&kind&health&sort&window&page&pageSize. */
export const GET = apiRoute('services.list', async (req, ctx) => {
  const query = parseQuery(req, servicesQuerySchema);
  const model = currentFleetModel();
  return fleetJson(model, await getServicesWithSignals(model, ctx.scope, query, currentTelemetry()));
});
