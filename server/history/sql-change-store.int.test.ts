import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { changeStoreSuite } from './testing/change-store-suite';
import { pgliteUnderTest, pgUnderTest } from './testing/open-for-test';
import { startPgServer, type PgServer } from './testing/pg-server';

// The one contract, on both backends: PGlite on disk and Debian's PostgreSQL server.
let server: PgServer | undefined;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshglass-pglite-'));
  server = await startPgServer();
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

changeStoreSuite('PGlite', () => pgliteUnderTest(path.join(dir, 'data')));
changeStoreSuite('a PostgreSQL server', async () => {
  if (!server) throw new Error('the PostgreSQL server did not start');
  return pgUnderTest(await server.createDatabase('suite'));
});
