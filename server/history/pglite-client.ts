import 'server-only';
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client';

type Runner = Pick<Transaction, 'query' | 'exec'>;

function clientOf(db: Runner, transaction: SqlClient['transaction'], close: () => Promise<void>): SqlClient {
  return {
    query: async <T>(text: string, params?: readonly unknown[]) => (await db.query<T>(text, params ? [...params] : undefined)).rows,
    exec: async (text) => void (await db.exec(text)),
    transaction,
    close,
  };
}

/**
 * Opens PGlite (PostgreSQL compiled to WebAssembly, in this process) on
 * `dataDir`, created if missing, or in memory when undefined. One process
 * at a time may open a data directory.
 */
export async function openPgliteClient(dataDir?: string): Promise<SqlClient> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (err) {
    throw new Error(`cannot open the embedded database${dataDir ? ` at ${dataDir}` : ''}: ${(err as Error).message}`, { cause: err });
  }
  return clientOf(
    db,
    (fn) =>
      db.transaction((tx) => {
        // Nested transactions join this one: PGlite has one connection.
        const inner: SqlClient = clientOf(tx, (f) => f(inner), async () => {});
        return fn(inner);
      }),
    () => db.close(),
  );
}
