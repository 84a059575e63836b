import { NextResponse, type NextRequest } from 'next/server';
import { API_CSP, BASE_SECURITY_HEADERS, newNonce, pageHeaders } from '@/lib/access/security-headers';
import { badPathMessage, malformedPathSegment } from '@/lib/http/malformed-path';
import { staticPageScriptHashes } from '@/server/access/static-page-hashes';

/**
 * Security headers for pages (API answers get theirs from apiRoute): a CSP
 * with a fresh nonce per request, which Next reads from the request's CSP
 * header and puts on the inline scripts it renders. Pages prerendered at
 * build time have no nonce; their inline scripts are allowed by hash. The
 * Cache-Control set here wins over Next's year-long one for prerendered pages.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const bad = malformedPathSegment(pathname);
  if (bad !== undefined) return badPath(pathname, bad);
  // API answers carry their own headers (apiRoute); the proxy only screens their paths.
  if (pathname.startsWith('/api/')) return NextResponse.next();
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

/**
 * A path Next's router cannot decode: it would answer a bare 500 before any
 * route runs, so it is refused here, as JSON for the API and as a small page
 * for the rest. No audit line: no route, and so no caller, is involved.
 */
function badPath(pathname: string, segment: string): NextResponse {
  const message = badPathMessage(segment);
  const api = pathname.startsWith('/api/');
  const body = api ? JSON.stringify({ error: { code: 'bad_path', message } }) : `<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address</title><h1>Bad address</h1><p>${message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p></html>\n`;
  return new NextResponse(body, {
    status: 400,
    headers: { ...BASE_SECURITY_HEADERS, 'content-security-policy': API_CSP, 'cache-control': 'no-store', 'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8' },
  });
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
