import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from './sim-test-support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const haveProm = existsSync('/usr/bin/prometheus');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let child: ChildProcess | undefined;
let promPid = 0;
afterAll(() => {
  // Only if the test failed half-way: end what it started, by PID.
  if (child?.pid && alive(child.pid)) child.kill('SIGKILL');
  if (promPid && alive(promPid)) process.kill(promPid, 'SIGKILL');
});

describe('npm run sim', () => {
  it('names a bad flag and exits 2', async () => {
    const p = spawn(`${root}node_modules/.bin/tsx`, ['server/sim/cli.ts', '--clusters', 'lots'], { cwd: root });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => p.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--clusters');
  }, 30_000);

  it.skipIf(!haveProm)('prints the kubeconfig, admin URL and Prometheus, and stops everything on SIGTERM', async () => {
    child = spawn(`${root}node_modules/.bin/tsx`, ['server/sim/cli.ts', '--prometheus', 'global', '--scenario', 'stale-proxies'], { cwd: root });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    await waitUntil(() => out.includes('Ctrl-C to stop.'), 45_000, 'the CLI to print its summary');
    const kubeconfig = /kubeconfig: (\S+)/.exec(out)?.[1] ?? '';
    expect(existsSync(kubeconfig)).toBe(true);
    expect(out).toMatch(/admin: http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('scenario: stale-proxies');
    expect(out).toMatch(/us-east-1 {2}http:\/\/127\.0\.0\.1:\d+\/stats\/prometheus/);
    promPid = Number(/pid (\d+)/.exec(out)?.[1] ?? 0);
    expect(alive(promPid)).toBe(true);
    const exited = new Promise<number | null>((r) => child?.on('exit', r));
    child.kill('SIGTERM');
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))])).toBe(0);
    await waitUntil(() => !alive(promPid), 10_000, 'Prometheus to exit');
    expect(existsSync(kubeconfig)).toBe(false); // the temporary kubeconfig is removed
  }, 90_000);
});
