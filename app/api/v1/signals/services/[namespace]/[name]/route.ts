import { z } from 'zod';
import { ApiProblem, apiRoute } from '@/server/http/api-route';
import { parseParams, parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { getServiceSignalDetail } from '@/server/telemetry/service-detail-signals';
import { serviceSignalsDetailQuerySchema } from '@/lib/api/telemetry';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ namespace: z.string().min(1), name: z.string().min(1) });

/** One service's signals per cluster plus range series for charts: ?window&range. */
export const GET = apiRoute('signals.service', async (req, ctx) => {
  const { namespace, name } = parseParams(ctx.params, paramsSchema);
  const query = parseQuery(req, serviceSignalsDetailQuerySchema);
  const res = await getServiceSignalDetail(ctx.app.telemetry, ctx.app.facts(ctx.scope), namespace, name, query);
  if (!res) throw new ApiProblem(404, 'not_found', `no service ${namespace}/${name} in any visible cluster or metric`);
  return telemetryJson(ctx.app.model, res);
});
