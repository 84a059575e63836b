import { apiRoute, ApiProblem } from '@/server/http/api-route';
import { logout } from '@/server/http/auth-flow';

export const dynamic = 'force-dynamic';

/** Ends the session (needs the x-csrf-token header from /api/v1/auth/me). */
export const POST = apiRoute('auth.logout', (req, ctx) => {
  if (!ctx.principal) throw new ApiProblem(401, 'unauthenticated', 'not logged in');
  return logout(req, ctx.accessConfig, ctx.principal);
});
