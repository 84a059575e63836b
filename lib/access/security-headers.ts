/**
 * Security headers and the Content-Security-Policy, pure so that proxy.ts
 * (pages) and the API wrapper share one definition.
 */

/** Headers every response carries, page or API. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Share-link tokens live in URLs: never send a URL onwards as a referrer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** The CSP of JSON and SSE answers: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The CSP of pages. Scripts: only files from this origin and inline scripts
 * carrying this request's nonce (Next puts it on its own). No
 * 'strict-dynamic': it would drop 'self' and block /theme-init.js, which is
 * a plain file script on purpose. Style attributes stay allowed because
 * React renders `style=` props into the HTML; style elements need the nonce.
 * Pages prerendered at build time carry no nonce: their inline scripts are
 * allowed by hash (`scriptHashes`).
 */
export function pageCsp(nonce: string, opts: { dev: boolean; https: boolean; scriptHashes?: readonly string[] }): string {
  const hashes = opts.scriptHashes?.length ? ` ${opts.scriptHashes.join(' ')}` : '';
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${hashes}${opts.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' ws:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Pages of a live, access-controlled dashboard stay out of shared caches.
 * Next marks prerendered pages `s-maxage=31536000` unless the response
 * already has a Cache-Control, which the proxy's headers give it.
 */
export const PAGE_CACHE_CONTROL = 'private, no-store';

/** Every header the proxy sets on a page: the CSP with this request's nonce, cache policy, and the base headers. */
export function pageHeaders(nonce: string, opts: Parameters<typeof pageCsp>[1]): Record<string, string> & { 'content-security-policy': string } {
  return { ...BASE_SECURITY_HEADERS, 'content-security-policy': pageCsp(nonce, opts), 'cache-control': PAGE_CACHE_CONTROL };
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
