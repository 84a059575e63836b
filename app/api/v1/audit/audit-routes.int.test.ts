/**
 * The audit trail and share links kept in the history's store, through the
 * real route handlers in one process: header auth from a trusted proxy makes
 * the callers (alice admin, olga operator of "pay", vic viewer). First on
 * PGlite files, across a restart; then on a PostgreSQL server that goes away.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnswer } from '@/server/history/access-records-query';
import { startPgServer, type PgServer } from '@/server/history/testing/pg-server';
import { CSRF_HEADER } from '@/server/access/csrf';
import { PEER_HEADER } from '@/server/access/peer-address';
import { SHARE_COOKIE } from '@/server/access/share-links';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { call, tempConfig, until } from '../route-test-support';
import { GET as meGet } from '../auth/me/route';
import { GET as linksGet, POST as linksPost } from '../share-links/route';
import { DELETE as linkDelete } from '../share-links/[id]/route';
import { GET as shareOpen } from '../../../share/[token]/route';
import { GET as auditGet } from './route';

const SECRET = 'audit-routes-test-secret-0123456789-abcdef';
const config = (history: string) => `log: {level: silent}
auth:
  mode: header
  header: {trustedProxies: ['127.0.0.1', '::1']}
  secret: ${SECRET}
workspaces:
  - {name: pay, selectors: [us-east-1/payments]}
bindings:
  - {users: [alice], role: admin}
  - {users: [olga], role: operator, workspaces: [pay]}
  - {users: [vic], role: viewer, workspaces: [pay]}
history:
${history}
`;

const as = (id: string) => ({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-user': id });

async function csrf(user: string): Promise<string> {
  return ((await call(meGet, '/api/v1/auth/me', undefined, { headers: as(user) })).body as { csrfToken: string }).csrfToken;
}

async function createLink(user: string): Promise<{ status: number; id: string; token: string }> {
  const res = await linksPost(
    new Request('http://127.0.0.1/api/v1/share-links', { method: 'POST', headers: { ...as(user), 'content-type': 'application/json', [CSRF_HEADER]: await csrf(user) }, body: JSON.stringify({ workspace: 'pay', ttlHours: 1 }) }),
  );
  const body = (await res.json()) as { link?: { id: string }; token?: string };
  return { status: res.status, id: body.link?.id ?? '', token: body.token ?? '' };
}

async function revoke(user: string, id: string) {
  return call(linkDelete, `/api/v1/share-links/${id}`, { id }, { method: 'DELETE', headers: { ...as(user), [CSRF_HEADER]: await csrf(user) } });
}

const open = (token: string) => shareOpen(new Request(`http://127.0.0.1/share/${token}`), { params: Promise.resolve({ token }) });

async function audit(query = '', user = 'alice'): Promise<AuditAnswer> {
  const { status, body } = await call(auditGet, `/api/v1/audit${query}`, undefined, { headers: as(user) });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as AuditAnswer;
}

describe('the audit trail and share links on PGlite', () => {
  let cfg: ReturnType<typeof tempConfig>;
  let dataDir: string;
  let link: { id: string; token: string };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'meshglass-audit-'));
    cfg = tempConfig(config(`  dataDir: ${JSON.stringify(dataDir)}`));
    process.env.MESHGLASS_CONFIG = cfg.file;
    const made = await createLink('olga');
    expect(made.status).toBe(201);
    link = made;
    expect((await open(link.token)).status).toBe(303);
  });

  afterAll(async () => {
    await stopAppRuntime();
    delete process.env.MESHGLASS_CONFIG;
    cfg?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes every request and the link\'s creation to the trail, readable by an admin, with no token in it', async () => {
    let answer: AuditAnswer | undefined;
    await until(async () => (answer = await audit('?limit=500')).items.some((e) => e.detail.route === 'share.open'), 10_000, 'the share.open row');
    const rows = answer!.items;
    expect(rows.find((e) => e.action === 'request' && e.detail.route === 'share-links.create')).toMatchObject({
      principal: 'olga',
      subject: '/api/v1/share-links',
      detail: { method: 'POST', status: 201, role: 'operator', workspace: 'pay' },
    });
    expect(rows.find((e) => e.action === 'share-link.create')).toMatchObject({ principal: 'olga', subject: link.id, detail: { workspace: 'pay' } });
    expect(rows.find((e) => e.detail.route === 'share.open')).toMatchObject({ principal: 'unknown', subject: '/share/<redacted>', detail: { status: 303, shareLink: link.id } });
    expect(rows.find((e) => e.detail.route === 'auth.me')).toMatchObject({ principal: 'olga', detail: { status: 200 } });
    expect(answer!.trail).toMatchObject({ state: 'ok', dropped: 0 });
    const text = JSON.stringify(answer);
    for (const part of [link.token, ...link.token.split('.').slice(1), SECRET]) expect(text).not.toContain(part);
    // Newest first.
    const ids = rows.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('answers admins only', async () => {
    for (const user of ['olga', 'vic', 'nobody']) {
      const { status, body } = await call(auditGet, '/api/v1/audit', undefined, { headers: as(user) });
      expect(status, user).toBe(403);
      expect(JSON.stringify(body)).not.toContain('share-links');
    }
    const share = await call(auditGet, '/api/v1/audit', undefined, { headers: { [PEER_HEADER]: '127.0.0.1', cookie: `${SHARE_COOKIE}=${link.token}` } });
    expect(share.status).toBe(403);
    const forged = await call(auditGet, '/api/v1/audit', undefined, { headers: { [PEER_HEADER]: '10.9.9.9', 'x-forwarded-user': 'alice' } });
    expect(forged.status).toBe(401);
    // The refusals are in the trail too.
    await until(async () => (await audit('?principal=vic')).items.some((e) => e.detail.route === 'audit.list' && e.detail.status === 403), 10_000, 'vic\'s refused read');
  });

  it('filters by principal, action and time, and pages by cursor without repeats', async () => {
    const olga = await audit('?principal=olga&limit=500');
    expect(olga.items.length).toBeGreaterThan(2);
    expect(olga.items.every((e) => e.principal === 'olga')).toBe(true);
    const created = await audit('?action=share-link.create,share-link.revoke');
    expect(created.items.map((e) => e.action)).toEqual(['share-link.create']);
    expect((await audit(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).items).toEqual([]);
    const to = (await audit(`?to=${encodeURIComponent(created.items[0]!.at)}&action=share-link.create`)).items;
    expect(to.map((e) => e.id)).toEqual([created.items[0]!.id]);

    const all = (await audit('?limit=500')).items.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.next;
    } while (cursor && paged.length < 2000);
    // Rows keep coming (these reads are requests too): the pages hold every row there was at the start, in order.
    expect(paged.slice(paged.length - all.length)).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('refuses bad input by name', async () => {
    for (const [query, named] of [['?limit=0', 'limit'], ['?cursor=not-ours', 'cursor'], ['?from=yesterday', 'from'], ['?action=DROP%20TABLE', 'action'], ['?pageSize=5', 'pageSize']]) {
      const { status, body } = await call(auditGet, `/api/v1/audit${query}`, undefined, { headers: as('alice') });
      expect(status, query).toBe(400);
      expect(JSON.stringify(body), query).toContain(named);
    }
  });

  it('records who revoked a link; the link is refused at once, and still after a restart', async () => {
    const r = await revoke('olga', link.id);
    expect(r.status).toBe(200);
    expect((r.body as { link: { revokedAt?: string } }).link.revokedAt).toBeDefined();
    expect((await open(link.token)).status).toBe(410);
    await until(async () => (await audit('?action=share-link.revoke')).items.length === 1, 10_000, 'the revocation row');
    expect((await audit('?action=share-link.revoke')).items[0]).toMatchObject({ principal: 'olga', subject: link.id, detail: { workspace: 'pay' } });
    const before = (await audit('?limit=500')).items.map((e) => e.id);

    await stopAppRuntime();
    // A new runtime on the same files: the revocation is read back before the link is checked.
    expect((await open(link.token)).status).toBe(410);
    const listed = (await call(linksGet, '/api/v1/share-links', undefined, { headers: as('olga') })).body as { items: Array<{ id: string; revokedAt?: string }> };
    expect(listed.items.find((l) => l.id === link.id)?.revokedAt).toBeDefined();
    // Nothing written before the restart was lost: the last rows were flushed when it stopped.
    const after = (await audit('?limit=500')).items.map((e) => e.id);
    expect(after.slice(after.length - before.length)).toEqual(before);
  });
});

describe('share links and the audit trail on a PostgreSQL server that goes away', () => {
  let server: PgServer;
  let cfg: ReturnType<typeof tempConfig>;

  beforeAll(async () => {
    server = await startPgServer();
    const url = await server.createDatabase('audit_routes');
    cfg = tempConfig(config(`  databaseUrl: ${JSON.stringify(url)}`));
    process.env.MESHGLASS_CONFIG = cfg.file;
  });

  afterAll(async () => {
    await stopAppRuntime();
    delete process.env.MESHGLASS_CONFIG;
    await server?.stop();
    cfg?.remove();
  });

  it('answers 503 to a revoke it cannot store, keeps opening links from the last set read, and never fails a request for the trail', async () => {
    const revoked = await createLink('olga');
    const kept = await createLink('olga');
    expect([revoked.status, kept.status]).toEqual([201, 201]);
    expect((await revoke('olga', revoked.id)).status).toBe(200);
    await until(async () => (await audit('?action=share-link.create,share-link.revoke')).items.length === 3, 10_000, 'the link rows');

    await server.stop();
    const refused = await revoke('olga', kept.id);
    expect(refused.status).toBe(503);
    expect(JSON.stringify(refused.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    expect((await createLink('olga')).status).toBe(503);
    // Opening goes on from memory: the revoked link refused, the other opens.
    expect((await open(revoked.token)).status).toBe(410);
    expect((await open(kept.token)).status).toBe(303);
    // Reading the trail fails; requests go on while their rows wait.
    expect((await call(auditGet, '/api/v1/audit', undefined, { headers: as('alice') })).status).toBe(503);
    expect((await call(meGet, '/api/v1/auth/me', undefined, { headers: as('vic') })).status).toBe(200);
  }, 60_000);
});

describe('with the history off', () => {
  let cfg: ReturnType<typeof tempConfig>;

  beforeAll(() => {
    cfg = tempConfig(config('  enabled: false').replace('workspaces:', 'shareLinks: {revocationsFile: links.json}\nworkspaces:'));
    process.env.MESHGLASS_CONFIG = cfg.file;
  });

  afterAll(async () => {
    await stopAppRuntime();
    delete process.env.MESHGLASS_CONFIG;
    cfg?.remove();
  });

  it('keeps share links in memory and the revocations file, and says the trail is off', async () => {
    const made = await createLink('olga');
    expect(made.status).toBe(201);
    expect((await revoke('olga', made.id)).status).toBe(200);
    expect((await open(made.token)).status).toBe(410);
    const saved = JSON.parse(readFileSync(join(dirname(cfg.file), 'links.json'), 'utf8')) as { links: Array<{ id: string; revokedAt?: string }> };
    expect(saved.links.find((l) => l.id === made.id)?.revokedAt).toBeDefined();
    const { status, body } = await call(auditGet, '/api/v1/audit', undefined, { headers: as('alice') });
    expect(status).toBe(503);
    expect(JSON.stringify(body)).toContain('history_off');
  });
});
