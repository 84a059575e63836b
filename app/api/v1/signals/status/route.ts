import { z } from 'zod';
import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { parseQuery } from '@/server/http/route-helpers';
import { getTelemetryStatus } from '@/server/telemetry/telemetry-status';
import { telemetryWindowSchema } from '@/lib/api/telemetry';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ window: telemetryWindowSchema });

/** Per-source telemetry state and cluster-name mismatches: ?window. */
export const GET = apiRoute('signals.status', async (req, ctx) => {
  const { window } = parseQuery(req, querySchema);
  return jsonResponse(await getTelemetryStatus(ctx.app.telemetry, ctx.app.facts(ctx.scope), window));
});
