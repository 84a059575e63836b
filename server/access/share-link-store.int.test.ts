/**
 * Share links kept in the history's store: two registries on one PostgreSQL
 * server stand for two replicas; a PGlite data dir stands for one replica
 * restarting; a server that goes away for an outage.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '@/server/errors/refusal';
import { openHistoryStores, type HistoryStores } from '@/server/history/access-records-open';
import { startPgServer, type PgServer } from '@/server/history/testing/pg-server';
import { installShareLinkRegistry, StoreShareLinks, type ShareLinkRecord } from './share-link-store';
import { createShareLink, verifyShareToken } from './share-links';

const REFRESH_MS = 400;
const key = new TextEncoder().encode('share-link-store-test-key-0123456789abcdef');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshglass-links-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One "replica": its own connection and registry. */
async function replica(open: () => Promise<HistoryStores>, refreshMs = REFRESH_MS): Promise<{ links: StoreShareLinks; stores: HistoryStores }> {
  const stores = await open();
  const links = new StoreShareLinks(async () => stores.access, { refreshMs, knownWithinMs: 2_000 });
  cleanups.push(() => stores.close().catch(() => {}), () => links.stop());
  await links.known();
  return { links, stores };
}

function record(over: Partial<ShareLinkRecord> = {}): ShareLinkRecord {
  const now = Date.now();
  return { id: randomUUID(), workspace: 'pay', createdBy: 'olga', createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 3_600_000).toISOString(), ...over };
}

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Refusal);
  return err as Refusal;
}

/** Polls until `check` holds; the time it took. */
async function within(ms: number, check: () => boolean, what: string): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - start;
}

describe('share links on one PostgreSQL server, two replicas', () => {
  let server: PgServer;
  let url = '';
  beforeAll(async () => {
    server = await startPgServer();
    url = await server.createDatabase('links');
  });
  afterAll(() => server?.stop());

  it('lists a link made on one replica on the other, and refuses it there within the refresh bound once revoked', async () => {
    const a = await replica(() => openHistoryStores({ databaseUrl: url }));
    const b = await replica(() => openHistoryStores({ databaseUrl: url }));
    // The link is made through A (the real createShareLink, registry installed as a process would have it).
    cleanups.push(installShareLinkRegistry(a.links));
    const { token, record: made } = await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: 600, key });
    expect((await b.links.list()).map((l) => l.id)).toContain(made.id);
    expect(await b.links.get(made.id)).toMatchObject({ workspace: 'pay', createdBy: 'olga' });
    expect(b.links.isRevoked(made.id)).toBe(false);

    await a.links.revoke(made.id, 'olga');
    // Written through on A: refused there at once.
    expect(a.links.isRevoked(made.id)).toBe(true);
    expect(await verifyShareToken(token, key)).toBe('revoked');
    // B reads it on its next refresh.
    const took = await within(REFRESH_MS + 1_500, () => b.links.isRevoked(made.id), 'B refuses the link');
    expect(took).toBeLessThan(REFRESH_MS + 1_500);
    cleanups.push(installShareLinkRegistry(b.links));
    expect(await verifyShareToken(token, key)).toBe('revoked');
    expect((await b.links.get(made.id))?.revokedAt).toBeDefined();
  });

  it('keeps a revocation made while a refresh was in flight', async () => {
    const stores = await openHistoryStores({ databaseUrl: url });
    cleanups.push(() => stores.close());
    // Reads of the revocations answer late: a read that began before the revocation ends after it.
    let slow = false;
    const access = Object.create(stores.access, {
      revokedIds: { value: async (now: Date) => { const ids = await stores.access.revokedIds(now); if (slow) await new Promise((r) => setTimeout(r, 300)); return ids; } },
    }) as typeof stores.access;
    const links = new StoreShareLinks(async () => access, { refreshMs: 60_000 });
    cleanups.push(() => links.stop());
    await links.known();
    const link = record();
    await links.record(link);
    slow = true;
    const refreshing = links.refresh();
    await new Promise((r) => setTimeout(r, 100)); // its SELECT has run, without the revocation
    await links.revoke(link.id, 'olga');
    await refreshing;
    expect(links.isRevoked(link.id)).toBe(true);
    slow = false;
    await links.refresh();
    expect(links.isRevoked(link.id)).toBe(true);
  });

  it('refuses to revoke or create while the store is down, and checks links against the last set read', async () => {
    const outage = await startPgServer();
    const db = await outage.createDatabase('outage');
    cleanups.push(() => outage.stop());
    const a = await replica(() => openHistoryStores({ databaseUrl: db }));
    const revoked = record();
    const open = record();
    await a.links.record(revoked);
    await a.links.record(open);
    await a.links.revoke(revoked.id, 'olga');
    cleanups.push(installShareLinkRegistry(a.links));
    const token = (await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: 600, key })).token;

    await outage.stop();
    await new Promise((r) => setTimeout(r, REFRESH_MS * 2)); // at least one failed refresh
    const r = await refusal(a.links.revoke(open.id, 'olga'));
    expect(r).toMatchObject({ kind: 'unavailable', code: 'share_links_unavailable' });
    // Not revoked here either: the answer was an error, not a revocation on this replica only.
    expect(a.links.isRevoked(open.id)).toBe(false);
    expect(await refusal(a.links.record(record()))).toMatchObject({ kind: 'unavailable' });
    expect(await refusal(createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: 600, key }))).toMatchObject({ kind: 'unavailable' });
    expect(await refusal(a.links.list())).toMatchObject({ kind: 'unavailable' });
    // The message names no database.
    expect(r.message).not.toMatch(/127\.0\.0\.1|postgres|ECONNREFUSED/);
    // Opening links goes on from the last known set.
    expect(a.links.isRevoked(revoked.id)).toBe(true);
    expect(await verifyShareToken(token, key)).toMatchObject({ kind: 'share', workspace: 'pay' });
  });

  it('refuses to open links on a replica that could never read the revocations', async () => {
    const outage = await startPgServer();
    const db = await outage.createDatabase('never');
    const stores = await openHistoryStores({ databaseUrl: db });
    cleanups.push(() => stores.close().catch(() => {}));
    await outage.stop();
    const links = new StoreShareLinks(async () => stores.access, { refreshMs: REFRESH_MS, knownWithinMs: 5_000 });
    cleanups.push(() => links.stop());
    cleanups.push(installShareLinkRegistry(links));
    expect(await refusal(links.known())).toMatchObject({ kind: 'unavailable', code: 'share_links_unavailable' });
    // A valid signature is not enough while nothing says the link was not revoked.
    const now = Math.floor(Date.now() / 1000);
    const signed = await new SignJWT({ ws: 'pay' }).setProtectedHeader({ alg: 'HS256', typ: 'mg-share+jwt' }).setJti(randomUUID()).setIssuedAt(now).setExpirationTime(now + 600).setAudience('meshglass:share').sign(key);
    expect(await refusal(verifyShareToken(signed, key))).toMatchObject({ kind: 'unavailable' });
    // Forged and expired tokens are still answered as such, without the store.
    expect(await verifyShareToken(`${signed.slice(0, -4)}AAAA`, key)).toBe('invalid');
  });
});

describe('share links on PGlite, across a restart', () => {
  it('keeps links and revocations when the process opens its data dir again', async () => {
    const dataDir = path.join(dir, 'restart');
    const first = await replica(() => openHistoryStores({ dataDir }));
    const kept = record();
    const other = record({ workspace: 'books' });
    await first.links.record(kept);
    await first.links.record(other);
    await first.links.revoke(kept.id, 'olga');
    first.links.stop();
    await first.stores.close();

    const second = await replica(() => openHistoryStores({ dataDir }));
    expect(second.links.isRevoked(kept.id)).toBe(true);
    expect(second.links.isRevoked(other.id)).toBe(false);
    const listed = await second.links.list(new Set(['pay']));
    expect(listed).toEqual([expect.objectContaining({ id: kept.id, revokedAt: expect.any(String) })]);
  });
});
