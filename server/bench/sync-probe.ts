/**
 * Child process, one measurement per run:
 *   sync  - starts the product's fleet runtime (server/fleet) in this process
 *           against the kubeconfig, times until every cluster is `ok` (all
 *           kinds listed), then reports heap/RSS after GC.
 *   floor - the same discovery and paged LIST requests (same paths, limit 500,
 *           all clusters and kinds at once) through the same KubeClient, only
 *           JSON.parse on each page: the physical floor of a sync.
 *   node --conditions=react-server --expose-gc --import tsx server/bench/sync-probe.ts <sync|floor> <kubeconfig>
 * BENCH_HEAP_SNAPSHOT=FILE (sync only) writes a heap snapshot after sync and GC.
 * react-server makes 'server-only' resolve to its empty export (checked in
 * node_modules/server-only/package.json), so product modules load outside Next.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { clustersConfigSchema } from '../config/schema';
import { discover } from '../clusters/discovery';
import { builtinKinds, collectionPath, type KindSpec } from '../clusters/kinds';
import { KubeClient } from '../clusters/kube-client';
import { startFleetRuntime } from '../fleet/fleet-runtime';

const [mode, kubeconfigPath] = process.argv.slice(2) as ['sync' | 'floor', string];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const TIMEOUT_MS = Number(process.env.BENCH_SYNC_TIMEOUT_MS ?? 900_000);
// Diagnosis only: BENCH_ISTIOD_POLL_SECONDS overrides the istiod poll interval (default from the config schema).
const ISTIOD_POLL = process.env.BENCH_ISTIOD_POLL_SECONDS ? { istiodPollSeconds: Number(process.env.BENCH_ISTIOD_POLL_SECONDS) } : {};

function memory(): { rss: number; heapUsed: number; external: number; arrayBuffers: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

function contexts(): string[] {
  const kc = new KubeConfig();
  kc.loadFromString(readFileSync(kubeconfigPath, 'utf8'));
  return kc.getContexts().map((c) => c.name).filter((n) => !n.endsWith('-restricted'));
}

async function sync(): Promise<object> {
  const expected = contexts().length;
  const before = memory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Same request time-out as the dashboard's config in next-host.ts: at L one simulator process serves 200 API servers.
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: kubeconfigPath, exclude: ['*-restricted'] }], requestTimeoutSeconds: 60, ...ISTIOD_POLL });
  const rt = startFleetRuntime(cfg);
  let firstOkMs: number | undefined;
  // Clusters seen ok are not asked again until all have been (then all are checked at once): at L, asking
  // 200 clusters every 10 ms cost the probe ~5% of a core, counted as sync CPU.
  const seenOk = new Set<string>();
  for (;;) {
    const now = Date.now();
    const entries = rt.model.clusters();
    for (const e of entries) if (!seenOk.has(e.info.name) && e.view.condition(now).phase === 'ok') seenOk.add(e.info.name);
    if (seenOk.size > 0) firstOkMs ??= performance.now() - t0;
    if (entries.length === expected && seenOk.size === expected) {
      const notOk = entries.filter((e) => e.view.condition(now).phase !== 'ok');
      if (notOk.length === 0) break;
      for (const e of notOk) seenOk.delete(e.info.name);
    }
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`sync not done after ${TIMEOUT_MS} ms: ${seenOk.size}/${expected} ok`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const syncMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = process.memoryUsage().rss;
  const after = memory();
  // Optional: the retained heap after sync, for `which records dominate per pod` (Chrome DevTools, Memory tab).
  if (process.env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
  rt.stop();
  return { mode, clusters: expected, syncMs, firstClusterOkMs: firstOkMs, cpuMs: (cpu.user + cpu.system) / 1000, before, after, peakRssAtSync: peakRss, revision: rt.model.revision };
}

/** One cluster: discovery, then every kind's pages, parsed and dropped. */
async function listCluster(kc: KubeConfig): Promise<{ requests: number; items: number }> {
  // Generous: the floor must not fail where the runtime would retry (a timed-out LIST is not a floor).
  const client = new KubeClient(kc, 600_000);
  const d = await discover(client);
  let requests = 4;
  let items = 0;
  await Promise.all(
    [...builtinKinds(), ...d.configKinds].map(async (spec: KindSpec) => {
      let cont: string | undefined;
      do {
        const p = new URLSearchParams({ limit: '500', ...(cont ? { continue: cont } : {}) });
        if (spec.fieldSelector) p.set('fieldSelector', spec.fieldSelector);
        if (spec.labelSelector) p.set('labelSelector', spec.labelSelector);
        const page = (await client.getJson(`${collectionPath(spec)}?${p.toString()}`)) as { items: unknown[]; metadata?: { continue?: string } };
        requests++;
        items += page.items.length;
        cont = page.metadata?.continue || undefined;
      } while (cont);
    }),
  );
  return { requests, items };
}

async function floor(): Promise<object> {
  const text = readFileSync(kubeconfigPath, 'utf8');
  const names = contexts();
  const before = memory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const per = await Promise.all(
    names.map((n) => {
      const kc = new KubeConfig();
      kc.loadFromString(text);
      kc.setCurrentContext(n);
      return listCluster(kc);
    }),
  );
  const floorMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { mode, clusters: names.length, floorMs, cpuMs: (cpu.user + cpu.system) / 1000, requests: per.reduce((a, p) => a + p.requests, 0), items: per.reduce((a, p) => a + p.items, 0), before };
}

void (mode === 'sync' ? sync() : floor())
  .then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`sync-probe: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  });
