/**
 * The access records (share links, revocations, the audit trail) on both
 * backends: PGlite in a temp dir and Debian's PostgreSQL server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Refusal } from '@/server/errors/refusal';
import type { AccessRecordStore, AuditEventInput, AuditQuery, ShareLink } from './access-records';
import { openHistoryStores, type HistoryStores } from './access-records-open';
import { startPgServer, type PgServer } from './testing/pg-server';

let server: PgServer | undefined;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshglass-access-'));
  server = await startPgServer();
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 2, 1);
const at = (s: number) => new Date(T0 + s * 1_000);
const iso = (s: number) => at(s).toISOString();

function link(id: string, over: Partial<ShareLink> = {}): ShareLink {
  return { id, workspace: 'pay', createdBy: 'olga', createdAt: iso(0), expiresAt: iso(3600), ...over };
}

function event(n: number, over: Partial<AuditEventInput> = {}): AuditEventInput {
  return { at: iso(n), principal: 'alice', action: 'request', subject: `/api/v1/things/${n}`, detail: { n }, ...over };
}

async function everything(s: AccessRecordStore, q: Omit<AuditQuery, 'limit'>, limit: number) {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await s.queryAudit({ ...q, limit, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < 10_000);
  return out;
}

function suite(backend: string, open: () => Promise<HistoryStores>) {
  describe(`access records on ${backend}`, () => {
    let stores: HistoryStores;
    let s: AccessRecordStore;
    beforeAll(async () => {
      stores = await open();
      s = stores.access;
    });
    afterAll(() => stores?.close());
    beforeEach(async () => {
      // Every test starts from empty tables, through the same store.
      await s.prune(new Date(Date.UTC(9999, 0, 1)));
    });

    it('records links and lists the unexpired ones newest first, by workspace', async () => {
      await s.recordLink(link('a', { createdAt: iso(1) }));
      await s.recordLink(link('b', { createdAt: iso(2), workspace: 'books' }));
      await s.recordLink(link('old', { createdAt: iso(0), expiresAt: iso(10) }));
      expect((await s.listLinks(at(100))).map((l) => l.id)).toEqual(['b', 'a']);
      expect((await s.listLinks(at(100), ['pay'])).map((l) => l.id)).toEqual(['a']);
      expect(await s.listLinks(at(100), [])).toEqual([]);
      expect(await s.getLink('a', at(100))).toEqual(link('a', { createdAt: iso(1) }));
      expect(await s.getLink('old', at(100))).toBeUndefined();
      expect(await s.getLink('nope', at(100))).toBeUndefined();
      // Each creation is an audit row of its own, by its creator.
      const created = await s.queryAudit({ actions: ['share-link.create'], limit: 10 });
      expect(created.items.map((e) => [e.principal, e.subject, e.detail.workspace])).toEqual([
        ['olga', 'old', 'pay'],
        ['olga', 'b', 'books'],
        ['olga', 'a', 'pay'],
      ]);
    });

    it('revokes once: the first revocation\'s time and one audit row, whoever repeats it', async () => {
      await s.recordLink(link('r'));
      expect(await s.revokeLink('missing', 'olga', at(5))).toBeUndefined();
      expect(await s.revokeLink('r', 'olga', at(5))).toMatchObject({ id: 'r', revokedAt: iso(5) });
      expect(await s.revokeLink('r', 'alice', at(9))).toMatchObject({ id: 'r', revokedAt: iso(5) });
      expect((await s.getLink('r', at(6)))?.revokedAt).toBe(iso(5));
      expect((await s.listLinks(at(6)))[0]?.revokedAt).toBe(iso(5));
      const revoked = await s.queryAudit({ actions: ['share-link.revoke'], limit: 10 });
      expect(revoked.items).toEqual([expect.objectContaining({ principal: 'olga', subject: 'r', at: iso(5), detail: { workspace: 'pay' } })]);
      expect(await s.revokedIds(at(6))).toEqual(['r']);
    });

    it('no longer reports revocations of links that have expired', async () => {
      await s.recordLink(link('short', { expiresAt: iso(60) }));
      await s.recordLink(link('long', { expiresAt: iso(6000) }));
      await s.revokeLink('short', 'olga', at(1));
      await s.revokeLink('long', 'olga', at(1));
      expect((await s.revokedIds(at(30))).sort()).toEqual(['long', 'short']);
      expect(await s.revokedIds(at(61))).toEqual(['long']);
    });

    it('answers the audit trail newest first, filtered, paged by cursor without repeats', async () => {
      const rows = Array.from({ length: 23 }, (_, i) => event(i, { principal: i % 3 === 0 ? 'olga' : 'alice', action: i % 5 === 0 ? 'share-link.revoke' : 'request' }));
      await s.appendAudit(rows.slice(0, 10));
      await s.appendAudit(rows.slice(10));
      const all = await everything(s, {}, 4);
      expect(all.map((e) => e.subject)).toEqual(rows.map((r) => r.subject).reverse());
      expect(new Set(all.map((e) => e.id)).size).toBe(23);
      expect(all[0]).toEqual({ id: expect.any(String), at: iso(22), principal: 'alice', action: 'request', subject: '/api/v1/things/22', detail: { n: 22 } });
      expect((await everything(s, { principals: ['olga'] }, 2)).map((e) => e.detail.n)).toEqual([21, 18, 15, 12, 9, 6, 3, 0]);
      expect((await everything(s, { actions: ['share-link.revoke'] }, 500)).map((e) => e.detail.n)).toEqual([20, 15, 10, 5, 0]);
      expect((await everything(s, { principals: ['olga'], actions: ['share-link.revoke'] }, 500)).map((e) => e.detail.n)).toEqual([15, 0]);
      expect((await everything(s, { from: iso(5), to: iso(7) }, 500)).map((e) => e.detail.n)).toEqual([7, 6, 5]);
      expect(await s.queryAudit({ from: iso(100), limit: 10 })).toEqual({ items: [] });
    });

    it('refuses a bad cursor, limit or time as bad input', async () => {
      for (const q of [{ limit: 0 }, { limit: 501 }, { limit: 10, cursor: 'not-ours' }, { limit: 10, from: 'yesterday' }]) {
        const err = await s.queryAudit(q).then(() => undefined, (e: unknown) => e);
        expect(err, JSON.stringify(q)).toBeInstanceOf(Refusal);
        expect((err as Refusal).kind).toBe('bad_input');
      }
    });

    it('stores text PostgreSQL would refuse, cleaned, rather than failing the batch', async () => {
      await s.appendAudit([event(1, { principal: 'eve\u0000', subject: '/x\ud800', detail: { k: 'v\u0000' } }), event(2)]);
      const { items } = await s.queryAudit({ limit: 10 });
      expect(items.map((e) => [e.principal, e.subject, e.detail])).toEqual([
        ['alice', '/api/v1/things/2', { n: 2 }],
        ['eve', '/x\ufffd', { k: 'v' }],
      ]);
    });

    it('prunes audit rows older than the cutoff, and links expired before it with their revocations', async () => {
      await s.appendAudit([event(10), event(20), event(30)]);
      await s.recordLink(link('gone', { createdAt: iso(1), expiresAt: iso(15) }));
      await s.recordLink(link('kept', { createdAt: iso(1), expiresAt: iso(5000) }));
      await s.revokeLink('gone', 'olga', at(2));
      await s.revokeLink('kept', 'olga', at(2));
      // Rows: 3 requests and 4 link actions (at 1, 1, 2, 2); links gone: 'gone' and its revocation.
      expect(await s.prune(at(20))).toBe(4 + 1 + 2);
      expect((await s.queryAudit({ limit: 10 })).items.map((e) => e.at)).toEqual([iso(30), iso(20)]);
      expect(await s.revokedIds(at(3))).toEqual(['kept']);
      expect((await s.listLinks(at(3))).map((l) => l.id)).toEqual(['kept']);
    });
  });
}

suite('PGlite', () => openHistoryStores({ dataDir: path.join(dir, 'suite') }));
suite('a PostgreSQL server', async () => {
  if (!server) throw new Error('the PostgreSQL server did not start');
  return openHistoryStores({ databaseUrl: await server.createDatabase('access_suite') });
});
