import 'server-only';
import { SqlAccessRecords, type AccessRecordStore } from './access-records';
import { migrate } from './migrate';
import type { OpenChangeStoreOptions } from './open-store';
import { openPgClient } from './pg-client';
import { openPgliteClient } from './pglite-client';
import { SqlChangeStore } from './sql-change-store';
import type { ChangeStore } from './types';

/** The change history and the access records on one connection; `close` closes it (and so both). */
export interface HistoryStores {
  changes: ChangeStore;
  access: AccessRecordStore;
  close(): Promise<void>;
}

/**
 * Opens both stores on one client and migrates the schema, like
 * openChangeStore. One client because a PGlite data directory has one owner
 * per process: the access records cannot open a second one beside it.
 */
export async function openHistoryStores(opts: OpenChangeStoreOptions = {}): Promise<HistoryStores> {
  const db = opts.databaseUrl ? await openPgClient(opts.databaseUrl) : await openPgliteClient(opts.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return { changes: new SqlChangeStore(db), access: new SqlAccessRecords(db), close: () => db.close() };
}
