/** Opens a migrated store on a backend together with a way to empty it, for the contract suite. */
import { migrate } from '../migrate';
import { openPgClient } from '../pg-client';
import { openPgliteClient } from '../pglite-client';
import type { SqlClient } from '../sql-client';
import { SqlChangeStore } from '../sql-change-store';
import type { StoreUnderTest } from './change-store-suite';

async function underTest(db: SqlClient): Promise<StoreUnderTest> {
  await migrate(db);
  return { store: new SqlChangeStore(db), reset: () => db.exec('TRUNCATE changes, history_gaps RESTART IDENTITY') };
}

export async function pgliteUnderTest(dataDir?: string): Promise<StoreUnderTest> {
  return underTest(await openPgliteClient(dataDir));
}

export async function pgUnderTest(url: string): Promise<StoreUnderTest> {
  return underTest(await openPgClient(url));
}
