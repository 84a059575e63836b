/**
 * Benchmark (not a test): two synchronous stretches of the fleet model at
 * size M (the simulator's generated fleet, 50 clusters x 200 services x 5
 * pods, built in-process as server/bench/generated-model.ts does):
 *  - fan-out: one change (the VirtualService `istio-system/bench-probe` of
 *    the first cluster applied, then the feed flushed) to `--streams` open
 *    /api/v1/events streams, all of the ALL scope, then again with scoped
 *    streams (10 distinct workspace scopes, a new scope object per stream as
 *    per request). "sync" is the apply + flush call (what blocks the event
 *    loop); "delivered" runs until every stream that should see the change
 *    has read it. A digest of every byte each stream read is printed, so two
 *    versions can be checked for identical output.
 *  - relist: `replaceKind` of the first cluster's pods with fresh copies of
 *    the held records (a relist after a 410 that finds nothing changed), and
 *    the same with one pod changed (the keys it touched are printed).
 * Each figure is min / median / max over `--reps` repetitions, in ms.
 *
 *   npx tsx --conditions=react-server server/bench/fanout-relist.ts [--reps 30] [--streams 1000] [--clusters 50 --services 200 --pods 5] [--json FILE]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import { fleetEventStream, visibleKeys } from '../fleet/events';
import { ALL, type VisibilityScope } from '../fleet/scope';
import { generatedModel } from './generated-model';
import { spread } from './stats';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const REPS = arg('reps', 30);
const STREAMS = arg('streams', 1000);
const SIZE = { clusters: arg('clusters', 50), namespaces: 10, services: arg('services', 200), pods: arg('pods', 5), seed: 1, meshes: 1 };
const jsonAt = process.argv.indexOf('--json');
const JSON_FILE = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);

const loadAtStart = load();
const t0 = performance.now();
const { model } = generatedModel(SIZE);
const buildMs = Math.round(performance.now() - t0);
const first = model.clusterNames()[0]!;

// --- fan-out ---
const probeKind = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);
const probeKey = `config/${first}/networking.istio.io/VirtualService/istio-system/bench-probe`;
let probeN = 0;
const probe = () => ({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: 'istio-system', name: 'bench-probe', labels: {}, annotations: { n: String(probeN++) }, spec: { hosts: ['bench-probe.example.com'] } }) as unknown as AnyRecord;

/** Ten workspace scopes: half see the probe's cluster (its istio-system or every namespace), half see only team namespaces elsewhere. */
function scopedScope(i: number): VisibilityScope {
  const k = i % 10;
  const selectors = k < 3 ? [{ cluster: first, namespace: 'istio-system' }] : k < 5 ? [{ cluster: `${first.slice(0, -1)}*`, namespace: '*' }, { cluster: '*', namespace: `team-00${k}` }] : [{ cluster: '*', namespace: `team-00${k}` }];
  return { kind: 'grants', grants: [{ workspace: `ws-${k}`, role: 'viewer', selectors }] };
}

async function fanout(scopeOf: (i: number) => VisibilityScope) {
  const ac = new AbortController();
  const scopes = Array.from({ length: STREAMS }, (_, i) => scopeOf(i));
  const receivers = scopes.filter((s) => visibleKeys(s, [probeKey]).length > 0).length;
  const bytes: Uint8Array[][] = scopes.map(() => []);
  let got = 0;
  const readers = scopes.map((scope, i) => {
    // Heartbeats off (an hour): they would land in the digest at random.
    const r = fleetEventStream(model, scope, { signal: ac.signal, heartbeatMs: 3_600_000 }).getReader();
    void (async () => {
      for (;;) {
        const x = await r.read().catch(() => ({ done: true as const, value: undefined }));
        if (x.done) return;
        bytes[i]!.push(x.value.slice());
        got++;
      }
    })();
    return r;
  });
  await sleep(200);
  const sync: number[] = [];
  const delivered: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    got = 0;
    const t = performance.now();
    model.apply(first, probeKind, 'istio-system/bench-probe', probe());
    model.feed.flush();
    sync.push(performance.now() - t);
    while (got < receivers) await new Promise((r) => setImmediate(r));
    delivered.push(performance.now() - t);
    await sleep(20);
  }
  ac.abort();
  await Promise.all(readers.map((r) => r.cancel().catch(() => undefined)));
  const h = createHash('sha256');
  for (const chunks of bytes) for (const c of chunks) h.update(c);
  return { streams: STREAMS, receivers, syncMs: spread(sync, 2), deliveredMs: spread(delivered, 2), digest: h.digest('hex').slice(0, 16) };
}

const fanoutAll = await fanout(() => ALL);
const fanoutScoped = await fanout(scopedScope);

// --- quiet relist ---
const podKind = builtinKinds().find((k) => k.role === 'pods')!;
const store = model.cluster(first)!.store;
/** Fresh copies of the held pods, as a relist's slimming would produce. */
const relisted = () => new Map([...store.pods].map(([k, r]) => [k, structuredClone(r) as AnyRecord]));
const touched: string[][] = [];
model.feed.subscribeUncollapsed((c) => touched.push(c.keys));
async function relist(change?: string) {
  const ms: number[] = [];
  let keys: string[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const records = relisted();
    if (change) {
      const r = records.get(change) as { ready: boolean };
      r.ready = !r.ready;
    }
    touched.length = 0;
    const t = performance.now();
    model.replaceKind(first, podKind, records);
    ms.push(performance.now() - t);
    model.feed.flush();
    keys = touched.flat();
    await sleep(20);
  }
  return { pods: store.pods.size, ms: spread(ms, 2), keysOfLastRep: keys };
}
const quietRelist = await relist();
const oneChanged = await relist([...store.pods.keys()][17]);

const result = { size: SIZE, node: process.version, loadavg: { atStart: loadAtStart, atEnd: load() }, buildMs, reps: REPS, fanoutAll, fanoutScoped, quietRelist, oneChanged };
const line = (name: string, s: { min: number; median: number; max: number }) => `${name.padEnd(34)} ${String(round(s.min)).padStart(8)} ${String(round(s.median)).padStart(8)} ${String(round(s.max)).padStart(8)}`;
console.log(`M model built in ${buildMs} ms; load ${loadAtStart.join(' ')} -> ${result.loadavg.atEnd.join(' ')}; ${REPS} reps (ms: min median max)`);
console.log(line(`fan-out ALL x${STREAMS}, sync`, fanoutAll.syncMs));
console.log(line(`fan-out ALL x${STREAMS}, delivered`, fanoutAll.deliveredMs));
console.log(line(`fan-out scoped x${STREAMS}, sync`, fanoutScoped.syncMs));
console.log(line(`fan-out scoped, delivered (${fanoutScoped.receivers})`, fanoutScoped.deliveredMs));
console.log(line(`quiet relist ${quietRelist.pods} pods`, quietRelist.ms));
console.log(line('relist, one pod changed', oneChanged.ms));
console.log(`digests: ALL ${fanoutAll.digest}, scoped ${fanoutScoped.digest}; quiet relist keys ${JSON.stringify(quietRelist.keysOfLastRep)}; one changed keys ${JSON.stringify(oneChanged.keysOfLastRep)}`);
if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify(result, null, 2));
process.exit(0);
