import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChangeStore } from './open-store';
import { openPgClient } from './pg-client';
import { sampleChange } from './testing/sample-change';
import { startPgServer, type PgServer } from './testing/pg-server';

const SECRET = 'pw-Sup3rSecret';

describe('openChangeStore with a database URL', () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(() => server?.stop());

  it('opens and migrates a PostgreSQL server (the password of a trust server is ignored)', async () => {
    const url = (await server.createDatabase('open_ok')).replace('postgres@', `postgres:${SECRET}@`);
    const store = await openChangeStore({ databaseUrl: url, dataDir: '/nonexistent/never-used' });
    await store.append([sampleChange({ name: 'server' })]);
    expect((await store.query({ limit: 1 })).items[0]?.name).toBe('server');
    await store.close();
  });

  it('says which host:port/database it could not reach and why, never the password', async () => {
    const other = await startPgServer();
    const port = other.port;
    await other.stop(); // a port nothing listens on any more
    const err = await openChangeStore({ databaseUrl: `postgres://meshglass:${SECRET}@127.0.0.1:${port}/history` }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(new RegExp(`^cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}/history: .*ECONNREFUSED`));
    expect(err?.message).not.toContain(SECRET);
  });

  it('names the database that does not exist, never the password', async () => {
    const err = await openPgClient(`postgres://postgres:${SECRET}@127.0.0.1:${server.port}/missing_db`).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${server.port}/missing_db: .*missing_db.*does not exist`));
    expect(err?.message).not.toContain(SECRET);
  });

  it('prefixes query errors with the server too', async () => {
    const db = await openPgClient(await server.createDatabase('errs'));
    try {
      await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${server.port}/errs: .*no_such_table`));
      await expect(db.transaction(async (tx) => tx.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
      expect(await db.transaction(async (tx) => tx.query<{ n: number }>('SELECT 2 AS n'))).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });
});
