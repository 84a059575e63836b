/**
 * The built dashboard (`next start`) on a loopback port, configured like the
 * demo (server/scripts/demo-fleet.ts) against the benchmark's simulated fleet.
 * Started with a raised open-file limit (1,000 SSE clients) and stopped by PID.
 */
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { spawnTracked, terminate } from './children';
import type { SimHostInfo } from './sim-host';
import type { SizeSpec } from './sizes';

export interface NextHost {
  url: string;
  pid: number;
  /** ms from spawn until /api/v1/clusters shows every cluster ok. */
  readyMs: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every cluster in the envelope of /api/v1/clusters is ok. */
async function allOk(url: string, expected: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/clusters`);
    if (!res.ok) return false;
    const body = (await res.json()) as { clusters?: Record<string, { state?: string }> };
    const states = Object.values(body.clusters ?? {});
    return states.length === expected && states.every((s) => s.state === 'ok');
  } catch {
    return false;
  }
}

/** `next build` when there is no production build at all (an existing one is used as it is: others build here too). */
export async function ensureBuild(log: (m: string) => void): Promise<void> {
  if (existsSync('.next/BUILD_ID')) return;
  log('no production build (.next/BUILD_ID): running next build');
  const child = spawnTracked(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { timeoutMs: 0, label: 'next build' });
  child.stdout?.resume();
  const timer = setTimeout(() => void terminate(child), 600_000);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`next build exited with ${code ?? 'a signal'}`);
}

export async function startNextHost(sim: SimHostInfo, size: SizeSpec, workDir: string, port: number): Promise<NextHost> {
  const configFile = path.join(workDir, 'meshglass.yaml');
  // Diagnosis only: BENCH_ISTIOD_POLL_SECONDS sets the istiod poll interval (as for the sync probe), BENCH_ISTIOD_POLLS_IN_FLIGHT the fleet's poll budget.
  const pollsInFlight = process.env.BENCH_ISTIOD_POLLS_IN_FLIGHT ? { istiodPollsInFlight: Number(process.env.BENCH_ISTIOD_POLLS_IN_FLIGHT) } : {};
  const config = {
    log: { level: 'warn' },
    clusters: { kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 60, istiodPollSeconds: Number(process.env.BENCH_ISTIOD_POLL_SECONDS ?? 10), requestTimeoutSeconds: 60, ...pollsInFlight },
    telemetry: { mode: 'global', global: { url: sim.prometheusUrl, clusterLabel: 'cluster' }, window: size.telemetry.window, cacheSeconds: 5 },
  };
  writeFileSync(configFile, stringify(config));
  const t0 = Date.now();
  // BENCH_PROFILE_DIR: a CPU profile of the dashboard, written when it is stopped.
  const prof = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  // Diagnosis only: BENCH_NEXT_NODE_FLAGS (e.g. --trace-gc) go to node; BENCH_NEXT_STDOUT keeps what next start prints.
  const extraFlags = (process.env.BENCH_NEXT_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawnTracked(process.execPath, [...heapFlag(size), ...prof, ...extraFlags, 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { MESHGLASS_CONFIG: configFile, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    nofile: 20_000,
    timeoutMs: 0,
    label: 'next',
  });
  if (process.env.BENCH_NEXT_STDOUT) child.stdout?.pipe(createWriteStream(process.env.BENCH_NEXT_STDOUT));
  else child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  // Writing a profile of minutes takes a while after SIGTERM; with the default grace the process was killed before it wrote one.
  const stop = () => terminate(child, prof.length ? 180_000 : undefined);
  try {
    const deadline = t0 + 1_200_000;
    while (!(await allOk(url, sim.clusters.length))) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('next start: clusters not all ok within 20 minutes');
      await sleep(250);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid!, readyMs: Date.now() - t0, stop };
}

/** At L the model may need more than V8's default old space. */
function heapFlag(size: SizeSpec): string[] {
  return size.name === 'L' ? ['--max-old-space-size=12288'] : [];
}
