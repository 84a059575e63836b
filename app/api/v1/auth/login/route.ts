import { apiRoute } from '@/server/http/api-route';
import { login } from '@/server/http/auth-flow';

export const dynamic = 'force-dynamic';

/** Starts an OIDC login (authorization code + PKCE): ?returnTo=/path on this app. */
export const GET = apiRoute('auth.login', (req, ctx) => login(req, ctx.accessConfig));
