/** The CSRF check: Origin against this request's own host (forwarded host only from a trusted proxy), and tokens that rotate. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfOptions, csrfToken, CSRF_HEADER, CSRF_WINDOW_MS } from './csrf';
import { PEER_HEADER } from './peer-address';
import type { AccessConfig } from './access-config';

const key = new Uint8Array(randomBytes(32));
const user = { kind: 'user' as const, via: 'header' as const, id: 'olga', groups: [] };
const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/v1/share-links', { method: 'POST', headers: { host: '127.0.0.1:3000', [CSRF_HEADER]: csrfToken(user, key), ...headers } });
const proxies = { trustedProxies: ['10.0.0.5'] };
const refused = expect.objectContaining({ kind: 'forbidden', code: 'csrf' });

describe('CSRF origin check', () => {
  it('accepts an Origin naming the request host', () => {
    expect(() => checkCsrf(post({ origin: 'http://127.0.0.1:3000' }), user, key, proxies)).not.toThrow();
  });

  it('ignores X-Forwarded-Host from a client that is not a trusted proxy', () => {
    const forged = { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' };
    expect(() => checkCsrf(post(forged), user, key, proxies)).toThrow(refused);
    expect(() => checkCsrf(post({ ...forged, [PEER_HEADER]: '203.0.113.9' }), user, key, proxies)).toThrow(refused);
    expect(() => checkCsrf(post({ ...forged, [PEER_HEADER]: '10.0.0.5' }), user, key, {})).toThrow(refused);
  });

  it('honours X-Forwarded-Host and -Proto from a trusted proxy', () => {
    const viaProxy = { [PEER_HEADER]: '10.0.0.5', 'x-forwarded-host': 'mesh.example.com', 'x-forwarded-proto': 'https' };
    expect(() => checkCsrf(post({ ...viaProxy, origin: 'https://mesh.example.com' }), user, key, proxies)).not.toThrow();
    expect(() => checkCsrf(post({ ...viaProxy, origin: 'http://mesh.example.com' }), user, key, proxies)).toThrow(refused);
    expect(() => checkCsrf(post({ ...viaProxy, origin: 'https://evil.example' }), user, key, proxies)).toThrow(refused);
  });

  it('accepts the configured public origin, scheme and port included', () => {
    const opts = { publicOrigin: 'https://mesh.example.com' };
    expect(() => checkCsrf(post({ host: '10.1.2.3:3000', origin: 'https://mesh.example.com' }), user, key, opts)).not.toThrow();
    expect(() => checkCsrf(post({ host: '10.1.2.3:3000', origin: 'http://mesh.example.com' }), user, key, opts)).toThrow(refused);
  });

  it('takes the public origin from the OIDC redirect URL and trusted proxies from header auth', () => {
    const base = { workspaces: [], bindings: [] } as unknown as AccessConfig;
    const oidc = { ...base, auth: { mode: 'oidc', oidc: { redirectUrl: 'https://mesh.example.com/api/v1/auth/callback' } } } as AccessConfig;
    const header = { ...base, auth: { mode: 'header', header: { trustedProxies: ['10.0.0.5'] } } } as AccessConfig;
    expect(csrfOptions(oidc)).toMatchObject({ publicOrigin: 'https://mesh.example.com', trustedProxies: [] });
    expect(csrfOptions(header)).toMatchObject({ publicOrigin: undefined, trustedProxies: ['10.0.0.5'] });
  });
});

describe('CSRF token', () => {
  const t0 = Date.parse('2030-01-01T00:00:00Z');
  const at = (_now: number, token: string) => new Request('http://127.0.0.1:3000/x', { method: 'POST', headers: { host: '127.0.0.1:3000', [CSRF_HEADER]: token } });

  it('rotates: a new token each window, bound to the principal', () => {
    expect(csrfToken(user, key, t0)).not.toBe(csrfToken(user, key, t0 + CSRF_WINDOW_MS));
    expect(csrfToken(user, key, t0)).not.toBe(csrfToken({ ...user, id: 'vic' }, key, t0));
  });

  it('accepts the current and the previous window, not older ones', () => {
    const token = csrfToken(user, key, t0);
    expect(() => checkCsrf(at(t0, token), user, key, { now: t0 })).not.toThrow();
    expect(() => checkCsrf(at(t0, token), user, key, { now: t0 + CSRF_WINDOW_MS })).not.toThrow();
    expect(() => checkCsrf(at(t0, token), user, key, { now: t0 + 2 * CSRF_WINDOW_MS })).toThrow(refused);
    expect(() => checkCsrf(at(t0, token), { ...user, id: 'vic' }, key, { now: t0 })).toThrow(refused);
  });
});
