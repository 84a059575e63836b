import { apiRoute } from '@/server/http/api-route';
import { getFindings } from '@/server/analysis/findings';
import { fleetJson, parseQuery } from '@/server/http/route-helpers';
import { findingsQuerySchema } from '@/lib/api/findings';

export const dynamic = 'force-dynamic';

/** Analysis findings across the fleet: ?level&code&cluster&namespace&kind&page&pageSize. */
export const GET = apiRoute('findings.list', (req, ctx) => {
  const query = parseQuery(req, findingsQuerySchema);
  const model = ctx.app.model;
  return fleetJson(model, getFindings(model, ctx.app.analysis().current(), ctx.scope, query));
});
