/**
 * Runs Debian's Prometheus against the simulator's metrics endpoints: writes a
 * scrape config (1 s interval), starts it on a free loopback port with a
 * temporary TSDB directory, waits for /-/ready, and stops it by PID.
 * Two modes: one Prometheus per cluster, or one global Prometheus that adds a
 * cluster label per target (how Thanos or Mimir present a fleet).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface PrometheusTarget {
  cluster: string;
  /** The metrics URL, e.g. http://127.0.0.1:41234/stats/prometheus */
  url: string;
}

export interface StartPrometheusOptions {
  targets: PrometheusTarget[];
  /** 'global' (default): one Prometheus for all targets, labelled by cluster; 'per-cluster': one Prometheus per target. */
  mode?: 'global' | 'per-cluster';
  /** Label added per target in global mode (default 'cluster'). */
  clusterLabel?: string;
  scrapeIntervalSeconds?: number;
  /** Default /usr/bin/prometheus, or $PROMETHEUS_BIN. */
  binary?: string;
  readyTimeoutMs?: number;
}

export interface PrometheusInstance {
  /** The cluster it scrapes (per-cluster mode); undefined for the global one. */
  cluster?: string;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
}

export interface PrometheusHandle {
  /** The global instance's URL, or the first per-cluster instance's. */
  url: string;
  pid: number;
  instances: PrometheusInstance[];
  /** TERM each process (KILL after a timeout) and delete the temporary directories. */
  stop(): Promise<void>;
}

const INSTALL_HINT = 'install it with: sudo apt-get install -y --no-install-recommends prometheus';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The scrape config YAML for some targets; `clusterLabel` adds that label to each target. */
export function scrapeConfig(targets: PrometheusTarget[], intervalSeconds: number, clusterLabel?: string): string {
  const byPath = new Map<string, PrometheusTarget[]>();
  for (const t of targets) {
    const path = new URL(t.url).pathname;
    byPath.set(path, [...(byPath.get(path) ?? []), t]);
  }
  return stringify({
    global: { scrape_interval: `${intervalSeconds}s`, scrape_timeout: `${intervalSeconds}s`, evaluation_interval: `${intervalSeconds}s` },
    scrape_configs: [...byPath].map(([path, ts], i) => ({
      job_name: i === 0 ? 'istio-mesh' : `istio-mesh-${i}`,
      metrics_path: path,
      scheme: 'http',
      static_configs: ts.map((t) => ({ targets: [new URL(t.url).host], ...(clusterLabel ? { labels: { [clusterLabel]: t.cluster } } : {}) })),
    })),
  });
}

interface Running {
  instance: PrometheusInstance;
  child: ChildProcess;
  dir: string;
}

const live = new Set<Running>();
let exitHookInstalled = false;
// A crashed test or CLI must not leave Prometheus processes behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const r of live) {
      try {
        r.child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      rmSync(r.dir, { recursive: true, force: true });
    }
  });
}

async function stopOne(r: Running, timeoutMs = 5000): Promise<void> {
  const { child } = r;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
  rmSync(r.dir, { recursive: true, force: true });
  live.delete(r);
}

/** Starts one instance; retries with another port if the free port was taken before Prometheus bound it. */
async function startOne(binary: string, config: string, cluster: string | undefined, readyTimeoutMs: number): Promise<Running> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(binary, config, cluster, readyTimeoutMs);
    } catch (err) {
      if (attempt >= 3 || !/address already in use/i.test(String(err))) throw err;
    }
  }
}

async function startOnce(binary: string, config: string, cluster: string | undefined, readyTimeoutMs: number): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'meshglass-prom-'));
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, config);
  const port = await freePort();
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=2h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const running: Running = { instance: { ...(cluster ? { cluster } : {}), url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1 }, child, dir };
  live.add(running);
  installExitHook();
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}: ${stderr.trim().slice(-800)}`);
      const failed = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(() => r(undefined), 100))]);
      if (failed) throw new Error(`cannot start ${binary}: ${failed.message}; ${INSTALL_HINT}`);
      const ok = await fetch(`${running.instance.url}/-/ready`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ok) return running;
      if (Date.now() > deadline) throw new Error(`prometheus on port ${port} not ready after ${readyTimeoutMs} ms: ${stderr.trim().slice(-800)}`);
    }
  } catch (err) {
    await stopOne(running);
    throw err;
  }
}

/** Starts Prometheus (one global instance, or one per cluster) scraping the given targets. */
export async function startPrometheus(opts: StartPrometheusOptions): Promise<PrometheusHandle> {
  const binary = opts.binary ?? process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
  if (!existsSync(binary)) throw new Error(`Prometheus binary not found at ${binary}; ${INSTALL_HINT}`);
  if (!opts.targets.length) throw new Error('startPrometheus: no targets');
  const interval = opts.scrapeIntervalSeconds ?? 1;
  const timeout = opts.readyTimeoutMs ?? 20_000;
  const mode = opts.mode ?? 'global';
  const started: Running[] = [];
  try {
    if (mode === 'global') {
      started.push(await startOne(binary, scrapeConfig(opts.targets, interval, opts.clusterLabel ?? 'cluster'), undefined, timeout));
    } else {
      const all = await Promise.allSettled(opts.targets.map((t) => startOne(binary, scrapeConfig([t], interval), t.cluster, timeout)));
      for (const r of all) if (r.status === 'fulfilled') started.push(r.value);
      const failed = all.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (err) {
    await Promise.all(started.map((r) => stopOne(r)));
    throw err;
  }
  const first = started[0]?.instance ?? { url: '', pid: -1 };
  return {
    url: first.url,
    pid: first.pid,
    instances: started.map((r) => r.instance),
    stop: async () => {
      await Promise.all(started.map((r) => stopOne(r)));
    },
  };
}

/** One instant-vector sample of a Prometheus query result. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/** Runs an instant query against /api/v1/query. */
export async function queryPrometheus(url: string, promql: string): Promise<PromSample[]> {
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { status: string; error?: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  if (body.status !== 'success') throw new Error(`prometheus query failed: ${body.error ?? res.status}`);
  return (body.data?.result ?? []).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}
