import { apiRoute } from '@/server/http/api-route';
import { createLink, listLinksFor } from '@/server/http/share-link-routes';
import { NO_CALLER } from '@/server/access/no-caller';

export const dynamic = 'force-dynamic';

/** Unexpired share links of the workspaces the caller may share (admin, operator). */
export const GET = apiRoute('share-links.list', (_req, ctx) => listLinksFor(ctx.accessConfig, ctx.access ?? NO_CALLER.access));

/** Creates a read-only link to one workspace: {workspace, ttlHours ≤ 168}. Needs x-csrf-token. */
export const POST = apiRoute('share-links.create', (req, ctx) => {
  if (!ctx.principal || !ctx.access) throw NO_CALLER.problem;
  return createLink(req, ctx.accessConfig, ctx.principal, ctx.access);
});
