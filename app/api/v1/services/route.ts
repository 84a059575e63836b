import { apiRoute } from '@/server/http/api-route';
import { parseQuery, sharedFleetJson } from '@/server/http/route-helpers';
import { servicesListSignals, servicesWithSignals } from '@/server/telemetry/service-list-signals';
import { servicesQuerySchema } from '@/lib/fleet/services';

export const dynamic = 'force-dynamic';

/**
 * Services and ServiceEntries, one row per mesh, namespace and name (with signals and health when telemetry is configured):
 * ?cluster&mesh&namespace&q&kind&dataplane&health&sort&window&page&pageSize.
 * One answer per query, visibility, model revision and telemetry answer, shared for at most a second: pages that
 * many viewers refresh are made once (at M, 100 requests/s of one page made 100 joined pages and 100 envelopes a second).
 */
export const GET = apiRoute('services.list', async (req, ctx) => {
  const query = parseQuery(req, servicesQuerySchema);
  const model = ctx.app.model;
  const svc = ctx.app.telemetry;
  const signals = await servicesListSignals(model, query, svc);
  return sharedFleetJson(model, ctx.scope, `services\u0000${JSON.stringify(query)}`, () => servicesWithSignals(model, ctx.scope, query, svc, signals), 'services', signals);
});
