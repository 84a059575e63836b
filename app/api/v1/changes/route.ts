import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { parseQuery } from '@/server/http/route-helpers';
import { changesQuerySchema, type ChangesAnswer } from '@/lib/history/changes-query';
import { visibleChange, visibleSelectors } from '@/server/access/change-visibility';

export const dynamic = 'force-dynamic';

/** The fleet's change history, newest first: ?cluster&namespace&service&kind&category&from&to&cursor&limit. */
export const GET = apiRoute('changes.list', async (req, ctx) => {
  const q = parseQuery(req, changesQuerySchema);
  const history = ctx.app.history;
  const page = await history.query({
    clusters: q.cluster,
    namespaces: q.namespace,
    service: q.service,
    kinds: q.kind,
    categories: q.category,
    from: q.from,
    to: q.to,
    cursor: q.cursor,
    limit: q.limit,
    visible: visibleSelectors(ctx.scope),
  });
  const body: ChangesAnswer = {
    items: page.items.flatMap((e) => visibleChange(ctx.scope, e) ?? []),
    next: page.next,
    history: await history.status(q.from, q.to),
  };
  return jsonResponse(body);
});
