import 'server-only';
import { MIGRATIONS, type Migration } from './migrations';
import type { SqlClient } from './sql-client';

// Any constant both replicas share ("mgls" in ASCII): the lock that serializes migrators.
const MIGRATION_LOCK = 0x6d676c73;

/**
 * Brings the schema up to date: the migrations not yet in
 * schema_migrations, oldest first, in one transaction that holds an advisory
 * lock, so replicas starting at once apply each migration exactly once (the
 * second waits, then finds nothing to do). Returns the versions it applied.
 */
export async function migrate(db: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const todo = [...migrations].sort((a, b) => a.version - b.version);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})::text`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of todo) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
