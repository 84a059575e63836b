/**
 * Measures how long a generated fleet takes to start and how much memory it holds:
 *   npx tsx server/sim/measure-start.ts --clusters 50 --namespaces 10 --services 200 --pods 5 --seed 1
 * Prints one JSON line.
 */
import { parseCliArgs } from './cli-args';
import { startSimFleet } from './runtime';
import { coreApi } from './sim-test-support';

async function main(): Promise<void> {
  const opts = parseCliArgs(process.argv.slice(2).length ? process.argv.slice(2) : ['--clusters', '50', '--namespaces', '10', '--services', '200', '--pods', '5', '--seed', '1']);
  const rssBefore = process.memoryUsage().rss;
  const t0 = Date.now();
  const fleet = await startSimFleet({ fleet: opts.fleet, scenario: opts.scenario });
  const startMs = Date.now() - t0;
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    const objects = fleet.clusters.reduce((a, c) => a + c.store.types().reduce((b, t) => b + c.store.list(t.group ? `${t.group}/${t.version}` : t.version, t.kind).length, 0), 0);
    const t1 = Date.now();
    const last = fleet.clusters.at(-1)?.name ?? '';
    const pods = await coreApi(fleet, last).listPodForAllNamespaces();
    const listMs = Date.now() - t1;
    const t2 = Date.now();
    const metrics = await (await fetch(fleet.clusters[0]?.metricsUrl ?? '')).text();
    const scrapeMs = Date.now() - t2;
    process.stdout.write(
      `${JSON.stringify({
        fleet: fleet.spec.name,
        clusters: fleet.clusters.length,
        objects,
        startMs,
        rssMiB: Math.round(mem.rss / 2 ** 20),
        rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
        heapUsedMiB: Math.round(mem.heapUsed / 2 ** 20),
        listPodsOneClusterMs: listMs,
        podsInOneCluster: pods.items.length,
        scrapeOneClusterMs: scrapeMs,
        scrapeBytes: metrics.length,
        node: process.version,
      })}\n`,
    );
  } finally {
    await fleet.stop();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
