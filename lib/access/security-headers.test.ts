import { describe, expect, it } from 'vitest';
import { BASE_SECURITY_HEADERS, pageHeaders } from './security-headers';

describe('pageHeaders', () => {
  const h = pageHeaders('bm9uY2U=', { dev: false, https: false });

  // Next marks prerendered pages `s-maxage=31536000`; a header set by the proxy wins over it.
  it('keeps pages out of shared caches', () => {
    expect(h['cache-control']).toBe('private, no-store');
  });

  it('carries the nonce CSP and the base headers', () => {
    expect(h['content-security-policy']).toContain("script-src 'self' 'nonce-bm9uY2U='");
    expect(h['content-security-policy']).not.toContain('unsafe-eval');
    for (const [k, v] of Object.entries(BASE_SECURITY_HEADERS)) expect(h[k]).toBe(v);
  });
});
