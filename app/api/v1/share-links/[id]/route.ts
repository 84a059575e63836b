import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { parseParams } from '@/server/http/route-helpers';
import { revokeLinkFor } from '@/server/http/share-link-routes';
import { NO_CALLER } from '@/server/access/no-caller';

export const dynamic = 'force-dynamic';

const params = z.strictObject({ id: z.uuid() });

/** Revokes a share link (needs x-csrf-token). */
export const DELETE = apiRoute('share-links.revoke', (_req, ctx) => {
  const { id } = parseParams(ctx.params, params);
  return revokeLinkFor(id, ctx.accessConfig, ctx.access ?? NO_CALLER.access, ctx.principal);
});
