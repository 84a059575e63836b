import 'server-only';

/** One schema step; `sql` is plain PostgreSQL both backends run, applied once in a transaction. */
export interface Migration {
  /** Increasing from 1; recorded in schema_migrations once applied. */
  version: number;
  name: string;
  sql: string;
}
