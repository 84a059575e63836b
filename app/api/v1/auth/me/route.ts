import { apiRoute, ApiProblem, jsonResponse } from '@/server/http/api-route';
import { describeCaller } from '@/server/access/me';

export const dynamic = 'force-dynamic';

/** Who the browser is: user, groups, role, capabilities and the CSRF token; 401 when not logged in. */
export const GET = apiRoute('auth.me', (_req, ctx) => {
  if (!ctx.principal || !ctx.access) throw new ApiProblem(401, 'unauthenticated', 'not logged in');
  return jsonResponse(describeCaller(ctx.principal, ctx.access, ctx.accessConfig));
});
