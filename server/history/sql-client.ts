import 'server-only';

/**
 * The little the change history needs from a PostgreSQL connection, so one
 * store runs on PGlite (embedded) and on a PostgreSQL server alike. Rows come
 * back as plain objects; write SQL both run (PGlite is PostgreSQL 18, Debian's
 * server 15): cast bigints and times to text in the SELECT so neither
 * driver's type parsing shows.
 */
export interface SqlClient {
  /** One statement with `$1`-style parameters; its rows. */
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. Nested calls join the outer one. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
