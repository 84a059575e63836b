import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { parseQuery } from '@/server/http/route-helpers';
import { auditQuerySchema, type AuditAnswer } from '@/server/history/access-records-query';

export const dynamic = 'force-dynamic';

/** The audit trail, newest first, for admins: ?principal&action&from&to&cursor&limit. */
export const GET = apiRoute('audit.list', async (req, ctx) => {
  const q = parseQuery(req, auditQuerySchema);
  const page = await ctx.app.audit.query({ principals: q.principal === undefined ? undefined : [q.principal], actions: q.action, from: q.from, to: q.to, cursor: q.cursor, limit: q.limit });
  const body: AuditAnswer = { ...page, trail: ctx.app.audit.status() };
  return jsonResponse(body);
});
