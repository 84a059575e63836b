import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { parseParams } from '@/server/http/route-helpers';
import { openShareLink } from '@/server/http/share-link-routes';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ token: z.string().min(1).max(2048) });

/** Opens a share link: a stakeholder without an account lands on the workspace, read-only. */
export const GET = apiRoute('share.open', (req, ctx) => {
  const { token } = parseParams(ctx.params, params);
  return openShareLink(req, token, ctx.accessConfig, ctx.audit);
});
