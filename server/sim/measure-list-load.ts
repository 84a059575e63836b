/**
 * Measures the simulator under the load of a fleet's initial sync: a fresh
 * simulator child process (start time and RSS), then from this process every
 * cluster's discovery and paged LISTs (limit 500, the kinds and selectors the
 * dashboard lists) all at once over HTTPS, each page JSON.parse'd, as the
 * benchmark's floor probe does.
 *   npx tsx server/sim/measure-list-load.ts --clusters 50 --namespaces 10 --services 200 --pods 5 --seed 1 [--heap-mib 6144] [--profile out.cpuprofile]
 * (--profile: a CPU profile of the simulator during the load.)
 * Prints one JSON line. The child is the same file with --serve.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import https from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import { parseCliArgs } from './cli-args';
import { startSimFleet } from './runtime';

/** The kinds the dashboard lists (server/clusters/kinds.ts builtinKinds), as path + query. */
const BUILTIN_LISTS = [
  '/api/v1/namespaces',
  '/api/v1/services',
  '/apis/discovery.k8s.io/v1/endpointslices',
  '/api/v1/pods',
  '/apis/apps/v1/deployments',
  '/api/v1/nodes',
  '/api/v1/configmaps?fieldSelector=metadata.name%3Distio-ca-root-cert',
  '/api/v1/namespaces/istio-system/secrets',
  '/api/v1/namespaces/istio-system/configmaps',
];
/** Groups whose kinds the dashboard discovers and lists (server/clusters/kinds.ts CONFIG_GROUPS; the sim may not import it). */
const CONFIG_GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io', 'admiral.io', 'gateway.networking.k8s.io'];

interface Ready {
  kubeconfigPath: string;
  startMs: number;
  /** CPU time of the child up to ready (module loading included): less sensitive than startMs to a shared machine. */
  startCpuMs: number;
  rssMiB: number;
  heapUsedMiB: number;
  objects: number;
}

async function serve(argv: string[]): Promise<void> {
  const prof = argv.indexOf('--profile');
  const profileOut = prof >= 0 ? argv[prof + 1] : undefined;
  const opts = parseCliArgs(prof >= 0 ? [...argv.slice(0, prof), ...argv.slice(prof + 2)] : argv);
  const dir = mkdtempSync(join(tmpdir(), 'meshglass-listload-'));
  const t0 = Date.now();
  const fleet = await startSimFleet({ fleet: opts.fleet, kubeconfigOut: join(dir, 'kubeconfig.yaml') });
  const startMs = Date.now() - t0;
  const startCpu = process.cpuUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  let objects = 0;
  for (const c of fleet.clusters) for (const t of c.store.types()) objects += c.store.list(t.group ? `${t.group}/${t.version}` : t.version, t.kind).length;
  let peakRss = mem.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const session = profileOut ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const ready: Ready = { kubeconfigPath: fleet.kubeconfigPath, startMs, startCpuMs: Math.round((startCpu.user + startCpu.system) / 1000), rssMiB: mib(mem.rss), heapUsedMiB: mib(mem.heapUsed), objects };
  process.stdout.write(`${JSON.stringify({ ready })}\n`);
  // The parent writes one line when the load is done: answer with CPU and peak RSS, then stop.
  for await (const _line of createInterface({ input: process.stdin })) {
    const cpu = process.cpuUsage(cpu0);
    if (session && profileOut) writeFileSync(profileOut, JSON.stringify((await session.post('Profiler.stop')).profile));
    process.stdout.write(`${JSON.stringify({ report: { peakRssMiB: mib(peakRss), cpuMs: Math.round((cpu.user + cpu.system) / 1000) } })}\n`);
    break;
  }
  clearInterval(sampler);
  await fleet.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const mib = (n: number): number => Math.round(n / 2 ** 20);

interface Target {
  server: string;
  ca: string;
  token: string;
}

function targets(kubeconfigPath: string): Target[] {
  const kc = new KubeConfig();
  kc.loadFromString(readFileSync(kubeconfigPath, 'utf8'));
  return kc.getContexts()
    .filter((c) => !c.name.endsWith('-restricted'))
    .map((ctx) => {
      const cluster = kc.getCluster(ctx.cluster);
      const user = kc.getUser(ctx.user ?? '');
      return { server: cluster?.server ?? '', ca: Buffer.from(cluster?.caData ?? '', 'base64').toString('utf8'), token: user?.token ?? '' };
    });
}

interface Stats {
  requests: number;
  items: number;
  bytes: number;
  /** Slowest time to response headers of any request. */
  maxHeadersMs: number;
  /** Requests retried after their reused keep-alive socket was closed under them. */
  retries: number;
}

/**
 * GET and parse one path; the global agent (keep-alive, one pool per CA) as the dashboard's KubeClient uses.
 * A request that fails on a reused keep-alive socket (the server closed it as we sent) is retried once on a
 * new connection and counted, as HTTP clients do for idempotent requests; any other failure ends the run.
 */
async function getJson(t: Target, path: string, stats: Stats): Promise<unknown> {
  try {
    return await getOnce(t, path, stats);
  } catch (err) {
    if (!(err as { reused?: boolean }).reused) throw err;
    stats.retries++;
    // On a new connection: the pool's other idle sockets may have been closed too.
    return getOnce(t, path, stats, false);
  }
}

function getOnce(t: Target, path: string, stats: Stats, agent?: false): Promise<unknown> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(t.server + path), { ca: t.ca, agent, headers: { authorization: `Bearer ${t.token}`, accept: 'application/json' } }, (res) => {
      stats.maxHeadersMs = Math.max(stats.maxHeadersMs, performance.now() - t0);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        stats.requests++;
        stats.bytes += buf.length;
        if ((res.statusCode ?? 0) !== 200) return reject(new Error(`${path}: HTTP ${res.statusCode}: ${buf.toString('utf8', 0, 200)}`));
        try {
          resolve(JSON.parse(buf.toString('utf8')));
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('error', (err) =>
      reject(Object.assign(new Error(`${t.server}${path} after ${Math.round(performance.now() - t0)} ms (reused socket: ${String(req.reusedSocket)}): ${String(err)}`), { reused: req.reusedSocket })),
    );
    req.end();
  });
}

async function listCluster(t: Target, stats: Stats): Promise<number> {
  await getJson(t, '/version', stats);
  const groups = (await getJson(t, '/apis', stats)) as { groups: Array<{ name: string; preferredVersion: { groupVersion: string } }> };
  const lists = [...BUILTIN_LISTS];
  for (const g of groups.groups.filter((x) => CONFIG_GROUPS.includes(x.name))) {
    const rl = (await getJson(t, `/apis/${g.preferredVersion.groupVersion}`, stats)) as { resources: Array<{ name: string; verbs: string[] }> };
    for (const r of rl.resources) if (!r.name.includes('/') && r.verbs.includes('list') && r.verbs.includes('watch')) lists.push(`/apis/${g.preferredVersion.groupVersion}/${r.name}`);
  }
  await Promise.all(
    lists.map(async (base) => {
      let cont: string | undefined;
      do {
        const sep = base.includes('?') ? '&' : '?';
        const page = (await getJson(t, `${base}${sep}limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, stats)) as { items: unknown[]; metadata: { continue?: string } };
        stats.items += page.items.length;
        cont = page.metadata.continue || undefined;
      } while (cont);
    }),
  );
  return performance.now();
}

async function measure(argv: string[]): Promise<void> {
  // --heap-mib N sets the child's heap limit; everything else (fleet flags, --profile FILE) goes to the child.
  const heap = argv.indexOf('--heap-mib');
  const heapMiB = heap >= 0 ? Number(argv[heap + 1]) : 6144;
  const simArgs = heap >= 0 ? [...argv.slice(0, heap), ...argv.slice(heap + 2)] : argv;
  const load0 = loadavg()[0];
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, '--expose-gc', '--import', 'tsx', import.meta.filename, '--serve', ...simArgs], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const r = await lines.next();
    if (r.done) throw new Error('simulator child ended early');
    return JSON.parse(r.value) as Record<string, unknown>;
  };
  try {
    const ready = (await next()).ready as Ready;
    const ts = targets(ready.kubeconfigPath);
    const stats: Stats = { requests: 0, items: 0, bytes: 0, maxHeadersMs: 0, retries: 0 };
    const t0 = performance.now();
    const done = await Promise.all(ts.map((t) => listCluster(t, stats)));
    const listAllMs = performance.now() - t0;
    const perCluster = done.map((d) => d - t0).sort((a, b) => a - b);
    child.stdin.write('report\n');
    const report = (await next()).report as { peakRssMiB: number; cpuMs: number };
    const out = {
      clusters: ts.length,
      objects: ready.objects,
      startMs: ready.startMs,
      startCpuMs: ready.startCpuMs,
      rssAfterStartMiB: ready.rssMiB,
      heapAfterStartMiB: ready.heapUsedMiB,
      listAllMs: Math.round(listAllMs),
      firstClusterMs: Math.round(perCluster[0] ?? 0),
      medianClusterMs: Math.round(perCluster[Math.floor(perCluster.length / 2)] ?? 0),
      maxHeadersMs: Math.round(stats.maxHeadersMs),
      requests: stats.requests,
      retries: stats.retries,
      items: stats.items,
      mb: Math.round(stats.bytes / 1e6),
      simCpuMsDuringLoad: report.cpuMs,
      simPeakRssMiB: report.peakRssMiB,
      loadavgBefore: load0,
      loadavgAfter: loadavg()[0],
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

const argv = process.argv.slice(2);
void (argv[0] === '--serve' ? serve(argv.slice(1)) : measure(argv)).catch((err: unknown) => {
  process.stderr.write(`measure-list-load: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
