import { apiRoute } from '@/server/http/api-route';
import { currentFleetModel } from '@/server/fleet/current';
import { fleetJson, parseQuery } from '@/server/fleet/route-helpers';
import { ALL } from '@/server/fleet/scope';
import { getServices } from '@/server/fleet/services';
import { servicesQuerySchema } from '@/lib/fleet/services';

export const dynamic = 'force-dynamic';

/** Global services and ServiceEntries: ?cluster&namespace&q&kind&sort&page&pageSize. */
export const GET = apiRoute('services.list', (req) => {
  const query = parseQuery(req, servicesQuerySchema);
  const model = currentFleetModel();
  return fleetJson(model, getServices(model, ALL, query));
});
