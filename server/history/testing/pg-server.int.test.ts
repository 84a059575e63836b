import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hasPostgresServer, MISSING_POSTGRES, postgresBinDir, startPgServer } from './pg-server';

describe('the test PostgreSQL server', () => {
  it('finds the binaries Debian installs (setup.sh test installs postgresql)', () => {
    expect(hasPostgresServer(), MISSING_POSTGRES).toBe(true);
    expect(postgresBinDir()).toMatch(/^\/usr\/lib\/postgresql\/\d+(\.\d+)?\/bin$/);
    expect(MISSING_POSTGRES).toMatch(/postgresql package.*setup\.sh test/);
  });

  it('serves loopback TCP as a non-root user from a temp dir, and stop() ends it and removes the dir', async () => {
    const server = await startPgServer();
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const rows = (await c.query("SELECT current_setting('listen_addresses') AS l, current_setting('unix_socket_directories') AS d, pg_backend_pid() AS pid")).rows as { l: string; d: string; pid: number }[];
    const settings = rows[0]!;
    // postgres refuses to run as root: the server process must belong to another user.
    const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${settings.pid}/status`, 'utf8'))?.[1];
    expect(uid).toBeDefined();
    expect(Number(uid)).not.toBe(0);
    await c.end();
    expect(settings.l).toBe('127.0.0.1');
    expect(settings.d.startsWith(`${tmpdir()}/meshglass-pg-`)).toBe(true);
    expect(existsSync(settings.d)).toBe(true);
    const url = await server.createDatabase('second');
    expect(url).toBe(`postgres://postgres@127.0.0.1:${server.port}/second`);
    await server.stop();
    expect(existsSync(settings.d)).toBe(false);
    const after = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow(/ECONNREFUSED/);
    await server.stop(); // twice is harmless
  });
});
