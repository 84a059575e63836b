/**
 * Starts Debian's PostgreSQL server for tests: a fresh cluster in a temp dir,
 * trust auth, listening on a free 127.0.0.1 port only. Tests run as root and
 * postgres refuses root, so it runs as the `postgres` user the package made.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** What a test says when the server binaries are missing. */
export const MISSING_POSTGRES =
  "Debian's postgresql package is not installed (no initdb and postgres under /usr/lib/postgresql/*/bin): run `bash server/scripts/setup.sh test`, which installs it";

/** The newest /usr/lib/postgresql/<version>/bin holding initdb and postgres, or undefined. */
export function postgresBinDir(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  const bin = versions.map((v) => path.join(PG_ROOT, v, 'bin')).find((b) => existsSync(path.join(b, 'initdb')) && existsSync(path.join(b, 'postgres')));
  return bin;
}

/** Whether this machine can start a PostgreSQL server for tests. */
export function hasPostgresServer(): boolean {
  return postgresBinDir() !== undefined;
}

/** A running test server. */
export interface PgServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  port: number;
  /** A new empty database on this server; its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (SIGINT, SIGKILL after a timeout), waits for it and removes its directory. */
  stop(): Promise<void>;
}

interface Ids {
  uid: number;
  gid: number;
}

async function postgresIds(): Promise<Ids | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]).catch(() => {
    throw new Error(`${MISSING_POSTGRES} (no postgres system user)`);
  });
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** argv running `cmd` as the postgres user when we are root; setpriv execs in place, so the PID is the server's. */
function asPostgres(ids: Ids | undefined, cmd: string, args: string[]): [string, string[]] {
  return ids ? ['setpriv', ['--reuid', String(ids.uid), '--regid', String(ids.gid), '--init-groups', '--', cmd, ...args]] : [cmd, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`postgres not ready after ${timeoutMs} ms: ${(err as Error).message}\n${log()}`);
    } finally {
      await c.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a server on `port` (default: a free one). Throws MISSING_POSTGRES when the package is not installed. */
export async function startPgServer(opts: { port?: number; readyTimeoutMs?: number } = {}): Promise<PgServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const ids = await postgresIds();
  const dir = mkdtempSync(path.join(tmpdir(), 'meshglass-pg-'));
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  try {
    const data = path.join(dir, 'data');
    if (ids) chownSync(dir, ids.uid, ids.gid);
    const [initCmd, initArgs] = asPostgres(ids, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await run(initCmd, initArgs, { cwd: dir }).catch((err: Error & { stderr?: string }) => {
      throw new Error(`initdb failed: ${err.message}\n${err.stderr ?? ''}`);
    });
    // Loopback TCP and the socket in our dir only; nothing else may connect.
    writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    if (ids) chownSync(path.join(data, 'pg_hba.conf'), ids.uid, ids.gid);

    const port = opts.port ?? (await freePort());
    const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: dir, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
    const args = ['-D', data, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const [cmd, argv] = asPostgres(ids, path.join(bin, 'postgres'), args);
    let output = '';
    child = spawn(cmd, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = child;
    process.once('exit', killOnExit);
    const keep = (b: Buffer) => (output = (output + b.toString()).slice(-4_000));
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitReady(url, started, () => output, opts.readyTimeoutMs ?? 20_000);

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be a plain identifier`);
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${name}`);
        } finally {
          await c.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      stop() {
        stopping ??= (async () => {
          if (started.exitCode === null && started.signalCode === null) {
            started.kill('SIGINT'); // fast shutdown: ends sessions, no waiting for clients
            const timer = setTimeout(() => started.kill('SIGKILL'), 10_000);
            await exited(started);
            clearTimeout(timer);
          }
          process.removeListener('exit', killOnExit);
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopping;
      },
    };
  } catch (err) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
