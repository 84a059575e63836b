import 'server-only';
import pg from 'pg';
import { describeDatabaseUrl, redactCredentials } from './database-url';
import type { SqlClient } from './sql-client';

/** A PostgreSQL server error, its message prefixed with where the server is; `code` is the SQLSTATE or the socket error code. */
export class PgClientError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'PgClientError';
  }
}

/** The reason of a pg or socket error; Node's AggregateError (IPv6 then IPv4 refused) has an empty message of its own. */
function reasonOf(err: unknown): { text: string; code?: string } {
  const e = err as { message?: string; code?: string; errors?: unknown[] };
  const inner = Array.isArray(e?.errors) ? e.errors.map((x) => (x as Error)?.message).filter(Boolean) : [];
  const text = e?.message || inner.join('; ') || e?.code || String(err);
  return { text, code: typeof e?.code === 'string' ? e.code : undefined };
}

function wrap(err: unknown, url: string, what = 'PostgreSQL'): PgClientError {
  if (err instanceof PgClientError) return err;
  const { text, code } = reasonOf(err);
  return new PgClientError(`${what} at ${describeDatabaseUrl(url)}: ${redactCredentials(text, url)}`, code);
}

type Queryable = Pick<pg.PoolClient, 'query'>;

async function run<T>(conn: Queryable, url: string, text: string, params?: readonly unknown[]): Promise<T[]> {
  try {
    const res = await conn.query(text, params ? [...params] : undefined);
    return res.rows as T[];
  } catch (err) {
    throw wrap(err, url);
  }
}

/** The client of one open transaction: its own connection; nested transactions join it. */
function txClient(conn: pg.PoolClient, url: string): SqlClient {
  const self: SqlClient = {
    query: (text, params) => run(conn, url, text, params),
    exec: async (text) => void (await run(conn, url, text)),
    transaction: (fn) => fn(self),
    close: async () => {},
  };
  return self;
}

class PgClient implements SqlClient {
  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
    return run<T>(this.pool, this.url, text, params);
  }

  async exec(text: string): Promise<void> {
    await run(this.pool, this.url, text);
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    let conn: pg.PoolClient;
    try {
      conn = await this.pool.connect();
    } catch (err) {
      throw wrap(err, this.url);
    }
    let broken: Error | undefined;
    try {
      await run(conn, this.url, 'BEGIN');
      const out = await fn(txClient(conn, this.url));
      await run(conn, this.url, 'COMMIT');
      return out;
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool, not handed out again.
      await conn.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw wrap(err, this.url);
    } finally {
      conn.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Options of the pool; the defaults suit one Meshglass replica. */
export interface PgClientOptions {
  /** Connections at most (default 4: one writer, a few readers). */
  max?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/**
 * Opens a small pg.Pool on `url` and checks the server answers. Every error
 * names `host:port/database`, never the password.
 */
export async function openPgClient(url: string, opts: PgClientOptions = {}): Promise<SqlClient> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 4,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: 'meshglass',
  });
  // An idle connection the server drops emits 'error' on the pool; unhandled it would end the process. The next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw wrap(err, url, 'cannot reach PostgreSQL');
  }
  return new PgClient(pool, url);
}
