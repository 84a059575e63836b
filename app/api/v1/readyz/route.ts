import { apiRoute, jsonResponse } from '@/server/http/api-route';
import { getAppRuntime } from '@/server/runtime/app-runtime';

export const dynamic = 'force-dynamic';

/** Readiness: 503 until every configured cluster has been tried once. */
export const GET = apiRoute('readyz', () => {
  const readiness = getAppRuntime().readiness.snapshot();
  return jsonResponse({ status: readiness.ready ? 'ready' : 'waiting', ...readiness }, readiness.ready ? 200 : 503);
});
