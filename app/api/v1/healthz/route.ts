import { apiRoute, jsonResponse } from '@/server/http/api-route';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. */
export const GET = apiRoute('healthz', () => jsonResponse({ status: 'ok' }));
