import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageHeaders } from '@/lib/access/security-headers';
import { staticPageScriptHashes } from '@/server/access/static-page-hashes';

/**
 * Security headers for pages (API answers get theirs from apiRoute): a CSP
 * with a fresh nonce per request, which Next reads from the request's CSP
 * header and puts on the inline scripts it renders. Pages prerendered at
 * build time have no nonce; their inline scripts are allowed by hash. The
 * Cache-Control set here wins over Next's year-long one for prerendered pages.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = pageHeaders(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
    scriptHashes: staticPageScriptHashes(request.nextUrl.pathname),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['content-security-policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image).*)' }],
};
