import 'server-only';
import { migrate } from './migrate';
import { openPgClient } from './pg-client';
import { openPgliteClient } from './pglite-client';
import type { SqlClient } from './sql-client';
import { SqlChangeStore } from './sql-change-store';
import type { ChangeStore } from './types';

/** Where the history lives: a PostgreSQL server, else PGlite in `dataDir`, else PGlite in memory. */
export interface OpenChangeStoreOptions {
  /** `postgres://user:password@host:port/database`; wins over dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

/**
 * Opens the change store and migrates its schema. When the server cannot be
 * reached the error names host:port/database and why, never the password.
 */
export async function openChangeStore(opts: OpenChangeStoreOptions = {}): Promise<ChangeStore> {
  const db: SqlClient = opts.databaseUrl ? await openPgClient(opts.databaseUrl) : await openPgliteClient(opts.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return new SqlChangeStore(db);
}
