import 'server-only';
import { API_CSP, BASE_SECURITY_HEADERS } from '@/lib/access/security-headers';

/** Adds the security headers to an API answer (rebuilding it when its headers are immutable, as with Response.redirect). */
export function withSecurityHeaders(res: Response): Response {
  const extra: Record<string, string> = { ...BASE_SECURITY_HEADERS, 'content-security-policy': API_CSP };
  try {
    for (const [k, v] of Object.entries(extra)) if (!res.headers.has(k)) res.headers.set(k, v);
    return res;
  } catch {
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(extra)) if (!headers.has(k)) headers.set(k, v);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}
