import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openChangeStore } from './open-store';
import { openPgClient } from './pg-client';
import { openPgliteClient } from './pglite-client';
import { sampleChange } from './testing/sample-change';
import { startPgServer, type PgServer } from './testing/pg-server';

const versions = MIGRATIONS.map((m) => m.version);
const tables = ['audit_events', 'changes', 'history_gaps', 'history_heartbeat', 'schema_migrations', 'share_link_revocations', 'share_links'];
const TABLES_SQL = "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";

describe('migrations on PGlite', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'meshglass-pglite-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the schema once; reopening the data dir keeps the entries and applies nothing again', async () => {
    const dataDir = path.join(dir, 'nested', 'data'); // created when missing
    const store = await openChangeStore({ dataDir });
    await store.append([sampleChange({ name: 'kept' })]);
    await store.recordGap({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T00:01:00.000Z', reason: 'test' });
    await store.close();

    const db = await openPgliteClient(dataDir);
    const before = await db.query<{ version: number; applied_at: string }>('SELECT version, applied_at::text FROM schema_migrations ORDER BY version');
    expect(before.map((r) => r.version)).toEqual(versions);
    expect((await db.query<{ t: string }>(TABLES_SQL)).map((r) => r.t)).toEqual(tables);
    expect(await migrate(db)).toEqual([]);
    await db.close();

    const again = await openChangeStore({ dataDir });
    expect((await again.query({ limit: 10 })).items.map((e) => e.name)).toEqual(['kept']);
    expect(await again.gaps()).toHaveLength(1);
    await again.close();

    const check = await openPgliteClient(dataDir);
    expect(await check.query('SELECT version, applied_at::text FROM schema_migrations ORDER BY version')).toEqual(before);
    await check.close();
  });

  it('applies only the migrations not yet recorded, and rolls a failing one back whole', async () => {
    const db = await openPgliteClient();
    try {
      expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
      expect(await migrate(db)).toEqual(versions.slice(1));
      const bad = { version: 99, name: 'bad', sql: 'CREATE TABLE half (x int); SELECT no_such_function();' };
      await expect(migrate(db, [...MIGRATIONS, bad])).rejects.toThrow(/migration 99 \(bad\) failed/);
      expect((await db.query<{ t: string }>(TABLES_SQL)).map((r) => r.t)).toEqual(tables);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations'))[0]?.n).toBe(versions.length);
    } finally {
      await db.close();
    }
  });

  it('starts in memory without a data dir', async () => {
    const store = await openChangeStore({});
    await store.append([sampleChange({ name: 'mem' })]);
    expect((await store.query({ limit: 1 })).items[0]?.name).toBe('mem');
    await store.close();
  });
});

describe('migrations on a PostgreSQL server', () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(() => server?.stop());

  it('two migrators at once both succeed and the schema is applied exactly once', async () => {
    const url = await server.createDatabase('race');
    const clients = await Promise.all(Array.from({ length: 4 }, () => openPgClient(url)));
    try {
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      expect(applied.filter((a) => a.length > 0)).toEqual([versions]);
      expect(applied.filter((a) => a.length === 0)).toHaveLength(3);
      expect((await clients[0]!.query<{ t: string }>(TABLES_SQL)).map((r) => r.t)).toEqual(tables);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  it('two replicas opening the store at once on an empty database both start', async () => {
    const url = await server.createDatabase('replicas');
    const stores = await Promise.all([openChangeStore({ databaseUrl: url }), openChangeStore({ databaseUrl: url })]);
    await stores[0].append([sampleChange({ name: 'one' })]);
    expect((await stores[1].query({ limit: 5 })).items.map((e) => e.name)).toEqual(['one']);
    await Promise.all(stores.map((s) => s.close()));
  });
});
