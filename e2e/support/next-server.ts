import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';

export interface NextServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}; see its log`);
    try {
      const res = await fetch(`${url}/api/v1/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url}/api/v1/healthz within ${timeoutMs} ms`);
}

/** Starts `next start` (the built app) on a loopback port with a given config file; stops it by PID. */
export async function startNextServer(opts: { port: number; configFile: string; logFile: string }): Promise<NextServer> {
  const log = openSync(opts.logFile, 'a');
  const child = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(opts.port)], {
    env: { ...process.env, MESHGLASS_CONFIG: opts.configFile, NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid ?? -1, stop };
}
