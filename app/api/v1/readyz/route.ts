import { apiRoute, jsonResponse } from '@/server/http/api-route';

export const dynamic = 'force-dynamic';

/** Readiness: 503 until every configured cluster has been tried once. Public, so counts only, no names. */
export const GET = apiRoute('readyz', (_req, ctx) => {
  const { ready, tried, total, pending } = ctx.app.readiness.snapshot();
  // Fields picked, not spread: a name added to the snapshot later must not reach anonymous callers.
  return jsonResponse({ status: ready ? 'ready' : 'waiting', ready, tried, total, pending }, ready ? 200 : 503);
});
