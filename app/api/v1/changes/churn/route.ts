import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { parseQuery } from '@/server/http/route-helpers';
import { churnQuerySchema, type ChurnAnswer } from '@/lib/history/churn-query';
import { visibleSelectors } from '@/server/access/change-visibility';
import { allows } from '@/server/fleet/scope';

export const dynamic = 'force-dynamic';

/** Objects changed at least ?min times in the last ?minutes (config by default), the busiest first. */
export const GET = apiRoute('changes.churn', async (req, ctx) => {
  const q = parseQuery(req, churnQuerySchema);
  const from = new Date(Date.now() - q.minutes * 60_000).toISOString();
  const items = await ctx.app.history.churn({ from, minChanges: q.min, categories: q.category, limit: q.limit, visible: visibleSelectors(ctx.scope) });
  // The store limited the rows by the same selectors; the scope's own test keeps one rule for both routes.
  const body: ChurnAnswer = { minutes: q.minutes, min: q.min, items: items.filter((r) => allows(ctx.scope, r.cluster, r.namespace)) };
  return jsonResponse(body);
});
