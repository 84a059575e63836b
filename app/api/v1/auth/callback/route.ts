import { apiRoute } from '@/server/http/api-route';
import { callback } from '@/server/http/auth-flow';

export const dynamic = 'force-dynamic';

/** Where the identity provider sends the browser back; starts the session cookie. */
export const GET = apiRoute('auth.callback', (req, ctx) => callback(req, ctx.accessConfig));
