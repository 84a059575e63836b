import { apiRoute } from '@/server/http/api-route';
import { parseQuery, telemetryJson } from '@/server/http/route-helpers';
import { getLatencyRegressions } from '@/server/telemetry/latency-regression';
import { latencyRegressionQuerySchema } from '@/lib/api/latency-signals';

export const dynamic = 'force-dynamic';

/** Edges slower than their own recent baseline, in the caller's scope: ?namespace&cluster&window. */
export const GET = apiRoute('signals.latency', async (req, ctx) => {
  const query = parseQuery(req, latencyRegressionQuerySchema);
  return telemetryJson(ctx.app.model, await getLatencyRegressions(ctx.app.telemetry, ctx.app.facts(ctx.scope), query));
});
