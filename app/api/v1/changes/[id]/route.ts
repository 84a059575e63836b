import { z } from 'zod';
import { apiRoute, ApiProblem, jsonResponse } from '@/server/http/api-route';
import { parseParams } from '@/server/http/route-helpers';
import { visibleChange } from '@/server/access/change-visibility';

export const dynamic = 'force-dynamic';

const paramsSchema = z.strictObject({ id: z.string().regex(/^[1-9]\d{0,18}$/, 'must be a change id (a positive integer)') });

/** One change with its whole diff; 404 when it does not exist or the caller may not see it. */
export const GET = apiRoute('changes.get', async (_req, ctx) => {
  const { id } = parseParams(ctx.params, paramsSchema);
  const entry = await ctx.app.history.get(id);
  const seen = entry && visibleChange(ctx.scope, entry);
  if (!seen) throw new ApiProblem(404, 'not_found', `no change ${id}`);
  return jsonResponse(seen);
});
