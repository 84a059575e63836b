/** Hostile input at the access layer: forged peers and headers, tampered cookies and links, cross-site writes. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticateHeader } from './header-auth';
import { installPeerStamp, PEER_HEADER, addressMatcher } from './peer-address';
import { createSession, readSession, revokeSession, SESSION_COOKIE } from './session';
import { createShareLink, verifyShareToken } from './share-links';
import { revokeLink } from './share-link-store';
import { checkCsrf, csrfToken, CSRF_HEADER } from './csrf';
import { bindAddress, isLoopbackBind } from './bind-address';
import { resolveAccess } from './resolve-scope';
import { allows, can } from '../fleet/scope';

const key = () => new Uint8Array(randomBytes(32));
const req = (headers: Record<string, string>, init: RequestInit = {}) => new Request('http://127.0.0.1:3000/api/v1/x', { ...init, headers });
const headerCfg = { trustedProxies: ['10.0.0.5', '192.168.0.0/24'], userHeader: 'x-forwarded-user', groupsHeader: 'x-forwarded-groups', groupsSeparator: ',' };

describe('peer stamp', () => {
  it('overwrites a forged peer header with the socket address', async () => {
    installPeerStamp();
    const server = http.createServer((r, res) => res.end(String(r.headers[PEER_HEADER])));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { [PEER_HEADER]: '10.0.0.5', 'x-forwarded-for': '10.0.0.5' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
  it('matches addresses and CIDR blocks, dual-stack included', () => {
    const m = addressMatcher(['10.0.0.5', '192.168.0.0/24', '::1']);
    expect([m('10.0.0.5'), m('::ffff:10.0.0.5'), m('192.168.0.77'), m('::1')]).toEqual([true, true, true, true]);
    expect([m('10.0.0.6'), m('192.168.1.1'), m('not-an-ip')]).toEqual([false, false, false]);
  });
});

describe('header authentication', () => {
  it('accepts identity only from a trusted proxy', () => {
    const p = authenticateHeader(req({ [PEER_HEADER]: '192.168.0.9', 'x-forwarded-user': 'olga', 'x-forwarded-groups': 'a, b' }), headerCfg);
    expect(p).toMatchObject({ id: 'olga', groups: ['a', 'b'] });
  });
  it('refuses forged headers from an untrusted address with 401', () => {
    expect(() => authenticateHeader(req({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-user': 'alice' }), headerCfg)).toThrow(expect.objectContaining({ kind: 'unauthenticated', code: 'untrusted_proxy' }));
    expect(() => authenticateHeader(req({ 'x-forwarded-user': 'alice' }), headerCfg)).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
  });
  it('refuses control characters in the user header', () => {
    expect(() => authenticateHeader(req({ [PEER_HEADER]: '10.0.0.5', 'x-forwarded-user': 'a\tb' }), headerCfg)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
  });
});

describe('session cookie', () => {
  it('round-trips and refuses tampering, other keys and revoked sessions', async () => {
    const k = key();
    const { value, sessionId } = await createSession({ id: 'olga', groups: ['ops'] }, k, 60);
    const cookie = (v: string) => req({ cookie: `${SESSION_COOKIE}=${v}` });
    expect(await readSession(cookie(value), k)).toMatchObject({ id: 'olga', groups: ['ops'], sessionId });
    const flipped = value.slice(0, -5) + (value.at(-5) === 'A' ? 'B' : 'A') + value.slice(-4);
    expect(await readSession(cookie(flipped), k)).toBeUndefined();
    expect(await readSession(cookie(value), key())).toBeUndefined();
    expect(await readSession(cookie('garbage'), k)).toBeUndefined();
    revokeSession(sessionId, Date.now() + 60_000);
    expect(await readSession(cookie(value), k)).toBeUndefined();
  });
});

describe('share links', () => {
  it('verifies, and refuses tampered, foreign, expired and revoked links', async () => {
    const k = key();
    const { token, record } = await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: 3600, key: k });
    expect(await verifyShareToken(token, k)).toMatchObject({ kind: 'share', workspace: 'pay' });
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), ws: 'books' })).toString('base64url')}.${s}`;
    expect(await verifyShareToken(forged, k)).toBe('invalid');
    expect(await verifyShareToken(token, key())).toBe('invalid');
    expect(await verifyShareToken('../../etc/passwd', k)).toBe('malformed');
    const old = await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: -10, key: k });
    expect(await verifyShareToken(old.token, k)).toBe('expired');
    revokeLink(record.id);
    expect(await verifyShareToken(token, k)).toBe('revoked');
  });
  it('caps the life of a link at 7 days', async () => {
    const { record } = await createShareLink({ workspace: 'pay', createdBy: 'x', ttlSeconds: 30 * 86400, key: key() });
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(7 * 86400_000);
  });
});

describe('CSRF', () => {
  const k = key();
  const p = { kind: 'user' as const, via: 'oidc' as const, id: 'olga', groups: [], sessionId: 's1' };
  const post = (h: Record<string, string>) => req({ host: '127.0.0.1:3000', ...h }, { method: 'POST' });
  it('accepts a same-origin request with the token', () => {
    expect(() => checkCsrf(post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', [CSRF_HEADER]: csrfToken(p, k) }), p, k)).not.toThrow();
  });
  it.each([
    ['no token', {}],
    ['a token of another session', { [CSRF_HEADER]: csrfToken({ ...p, sessionId: 's2' }, k) }],
    ['another origin', { origin: 'http://evil.example', [CSRF_HEADER]: csrfToken(p, k) }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', [CSRF_HEADER]: csrfToken(p, k) }],
    ['an opaque origin', { origin: 'null', [CSRF_HEADER]: csrfToken(p, k) }],
  ])('refuses %s with 403', (_n, h) => {
    expect(() => checkCsrf(post(h), p, k)).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'csrf' }));
  });
});

describe('anonymous bind address', () => {
  it('reads -H/--hostname, standalone HOSTNAME, and treats none as every interface', () => {
    expect(bindAddress(['node', 'next', 'start', '-H', '127.0.0.1'], {})).toBe('127.0.0.1');
    expect(bindAddress(['node', 'next', 'start', '--hostname=0.0.0.0'], {})).toBe('0.0.0.0');
    expect(bindAddress(['node', '/app/server.js'], { HOSTNAME: 'localhost' })).toBe('localhost');
    expect(bindAddress(['node', 'next', 'start'], { HOSTNAME: 'my-pod' })).toBeUndefined();
    expect([isLoopbackBind('127.0.0.1'), isLoopbackBind('::1'), isLoopbackBind('localhost'), isLoopbackBind('0.0.0.0'), isLoopbackBind(undefined)]).toEqual([true, true, true, false, false]);
  });
});

describe('resolveAccess', () => {
  const cfg = {
    workspaces: [
      { name: 'pay', description: '', selectors: ['us-east-1/payments'] },
      { name: 'teams', description: '', selectors: ['*/team-a-*'] },
    ],
    bindings: [
      { users: ['olga'], groups: [], role: 'operator' as const, workspaces: ['pay'] },
      { users: [], groups: ['readers'], role: 'viewer' as const, workspaces: ['pay', 'teams'] },
      { users: [], groups: ['admins'], role: 'admin' as const, workspaces: [] },
    ],
    anonymous: { role: 'viewer' as const, workspaces: ['teams'] },
  };
  const user = (id: string, groups: string[] = []) => ({ kind: 'user' as const, via: 'header' as const, id, groups });
  it('keeps the stronger role per workspace and narrows detail to it', () => {
    const a = resolveAccess(user('olga', ['readers']), cfg);
    expect(a.grants.map((g) => `${g.workspace}:${g.role}`)).toEqual(['pay:operator', 'teams:viewer']);
    expect(allows(a.scope, 'eu-1', 'team-a-web')).toBe(true);
    expect(allows(a.scope, 'eu-1', 'payments')).toBe(false);
    expect(can(a.scope, 'configSpecs')).toBe(true);
  });
  it('gives admins the fleet, unbound users nothing, anonymous its role', () => {
    expect(resolveAccess(user('root', ['admins']), cfg).scope.kind).toBe('all');
    const none = resolveAccess(user('eve'), cfg);
    expect([none.role, allows(none.scope, 'us-east-1', 'payments'), allows(none.scope, 'us-east-1')]).toEqual([undefined, false, false]);
    const anon = resolveAccess({ kind: 'anonymous' }, cfg);
    expect([anon.role, can(anon.scope, 'configSpecs'), allows(anon.scope, 'x', 'team-a-1')]).toEqual(['viewer', false, true]);
  });
});
