import 'server-only';
import pg from 'pg';
import { describeDatabaseUrl, redactCredentials } from './database-url';

/** The advisory lock key of "this replica records the fleet's changes" (any constant; distinct from the migration lock). */
const LEASE_KEY = 0x6d67_7772; // "mgwr"; never the migration lock's key, or a lease holder would block every migrator

/**
 * Which replica records. Every replica watches the same fleet and would
 * record every change once each; on a shared PostgreSQL server one replica
 * holds a session advisory lock and writes, the others only read. The lock
 * goes with the session, so a replica that dies hands over within one retry.
 */
export interface WriterLease {
  /** Whether this process may record now. */
  held(): boolean;
  /** Why not, when it is not held and that is not simply another replica holding it. */
  lastError(): string | undefined;
  stop(): Promise<void>;
}

/** PGlite: one process owns its data directory, so it always records. */
export const SOLE_WRITER: WriterLease = { held: () => true, lastError: () => undefined, stop: async () => {} };

/** Tries to take the lease now and every `retryMs` while another replica holds it or the server is unreachable. */
export function acquireWriterLease(databaseUrl: string, opts: { retryMs?: number; onChange?: (held: boolean) => void } = {}): WriterLease {
  const retryMs = opts.retryMs ?? 5000;
  let client: pg.Client | undefined;
  let held = false;
  let error: string | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: boolean) => {
    if (next !== held) {
      held = next;
      opts.onChange?.(held);
    }
  };
  const retry = () => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), retryMs);
    timer.unref();
  };
  const attempt = async () => {
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
        // A lost session loses the lock: stop recording and try again.
        c.on('error', () => {});
        c.on('end', () => {
          if (client === c) client = undefined;
          set(false);
          retry();
        });
        await c.connect();
        client = c;
      }
      const rows = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LEASE_KEY]);
      error = undefined;
      set(rows.rows[0]?.ok === true);
      if (!held) retry();
    } catch (err) {
      error = `PostgreSQL at ${describeDatabaseUrl(databaseUrl)}: ${redactCredentials((err as Error).message, databaseUrl)}`;
      const c = client;
      client = undefined;
      set(false);
      await c?.end().catch(() => {});
      retry();
    }
  };
  void attempt();
  return {
    held: () => held,
    lastError: () => error,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      set(false);
      await c?.end().catch(() => {});
    },
  };
}
