/**
 * Child process: runs the simulated fleet (and a global Prometheus scraping a
 * few of its clusters) until SIGTERM, so the dashboard and the probes measure
 * against separate processes, as against real clusters.
 *   node --import tsx server/bench/sim-host.ts <size-json> <kubeconfig-out>
 * Prints {"ready": SimHostInfo} once everything answers.
 */
import { startPrometheus, type PrometheusHandle } from '../sim/prometheus';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import type { SizeSpec } from './sizes';

export interface SimHostInfo {
  kubeconfigPath: string;
  adminUrl: string;
  prometheusUrl?: string;
  clusters: string[];
  scraped: string[];
  startMs: number;
  pods: number;
  services: number;
  objects: number;
  rssMiB: number;
}

async function main(): Promise<void> {
  const size = JSON.parse(process.argv[2]!) as SizeSpec;
  const t0 = Date.now();
  // Filled as things start, so a signal at any point stops what exists.
  const run: { fleet?: SimFleet; prom?: PrometheusHandle } = {};
  const stop = async () => {
    await run.prom?.stop().catch(() => undefined);
    await run.fleet?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  const fleet = (run.fleet = await startSimFleet({ fleet: size.fleet, kubeconfigOut: process.argv[3]! }));
  const startMs = Date.now() - t0;
  const targets = fleet.prometheusTargets.slice(0, size.telemetry.clusters);
  const prom = (run.prom = await startPrometheus({ targets, mode: 'global', clusterLabel: 'cluster', scrapeIntervalSeconds: size.telemetry.scrapeSeconds }));
  let pods = 0;
  let services = 0;
  let objects = 0;
  for (const c of fleet.clusters) {
    pods += c.store.list('v1', 'Pod').length;
    services += c.store.list('v1', 'Service').length;
    for (const t of c.store.types()) objects += c.store.list(t.group ? `${t.group}/${t.version}` : t.version, t.kind).length;
  }
  const info: SimHostInfo = {
    kubeconfigPath: fleet.kubeconfigPath,
    adminUrl: fleet.adminUrl,
    prometheusUrl: prom.url,
    clusters: fleet.clusters.map((c) => c.name),
    scraped: targets.map((t) => t.cluster),
    startMs,
    pods,
    services,
    objects,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  process.stdout.write(`${JSON.stringify({ ready: info })}\n`);
}

void main().catch((err: unknown) => {
  process.stderr.write(`sim-host: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
