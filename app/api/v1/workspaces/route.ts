import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { callerWorkspaces } from '@/server/access/me';

export const dynamic = 'force-dynamic';

/** The workspaces the caller is bound to, with the role held in each (admins: every workspace). */
export const GET = apiRoute('workspaces.list', (_req, ctx) => {
  return jsonResponse({ items: ctx.access ? callerWorkspaces(ctx.access, ctx.accessConfig) : [] });
});
