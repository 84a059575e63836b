/**
 * Child process of the history stage: write throughput and query latency of
 * the change store on both backends, PGlite in a temp dir and a PostgreSQL
 * server (Debian's, started on loopback by testing/pg-server.ts, stopped by
 * PID), for one fleet size.
 *   node --conditions=react-server --import tsx server/bench/history-store-probe.ts '<StoreProbeOptions json>'
 * The entries are the recorder's for the size's generated fleet under the
 * config-churn scenario scaled to every cluster (history-entries.ts). Each
 * backend is filled through HistoryWriter until maxBytes (by the retention's
 * count) or maxEntries or maxWriteSeconds, then, with `queries`, asked the
 * /api/v1/changes shapes. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '../history/migrate';
import { openPgClient } from '../history/pg-client';
import { openPgliteClient } from '../history/pglite-client';
import type { SqlClient } from '../history/sql-client';
import { SqlChangeStore } from '../history/sql-change-store';
import { startPgServer, type PgServer } from '../history/testing/pg-server';
import type { ChangeInput, ChangeQuery } from '../history/types';
import { generatedFleet } from '../sim/fleet/generated-fleet';
import type { GeneratedFleetOptions } from '../sim/runtime';
import { generatedModel } from './generated-model';
import { churnHistory } from './history-entries';
import { measurePaging, measureQueries, queryShapes, type QueryLatency } from './history-queries';
import { measureWrites, type WriteResult } from './history-writes';

export type Backend = 'pglite' | 'pg';

export interface StoreProbeOptions {
  size: string;
  fleet: GeneratedFleetOptions;
  backends: Backend[];
  maxEntries: number;
  maxBytes: number;
  maxWriteSeconds: number;
  /** Indexes dropped after migrating (to measure a store without a migration's index). */
  dropIndexes?: string[];
  queries?: { reps: number; maxSecondsPerShape: number; pages: number };
  /** Which statistics the queries run under, per backend (default both passes). */
  passes?: Partial<Record<Backend, QueryPass['stats'][]>>;
}

export interface BackendResult {
  backend: Backend;
  writes: WriteResult;
  /** Simulated time the entries cover. */
  spanHours: number;
  /** sum(bytes), what retention by size counts, and the table with its indexes on disk. */
  storeBytes: number;
  tableBytes: number;
  passes?: QueryPass[];
}

/** The query shapes once, with the planner's statistics as they were. */
export interface QueryPass {
  stats: 'as written' | 'after ANALYZE';
  /** pg_stat_user_tables' last analyze of `changes` (manual or autovacuum), if any. */
  analyzed?: string;
  queries: QueryLatency[];
  paging: Array<{ filter: string; pages: number; entriesDeep: number; ms: QueryLatency['ms'] }>;
  error?: string;
}

const START = new Date('2026-01-01T00:00:00.000Z');
const CHUNK = 5_000;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} [history-store] ${m}\n`);

/** The churn's entries in chunks of exactly `size` (ten full batches of the writer). */
function chunks(next: () => Promise<ChangeInput[]>, size: number): () => Promise<ChangeInput[]> {
  let buf: ChangeInput[] = [];
  return async () => {
    while (buf.length < size) {
      const more = await next();
      if (more.length === 0) break;
      buf = buf.length ? buf.concat(more) : more;
    }
    const out = buf.slice(0, size);
    buf = buf.slice(size);
    return out;
  };
}

async function tableBytes(db: SqlClient): Promise<number> {
  const [r] = await db.query<{ n: string }>("SELECT pg_total_relation_size('changes')::text AS n");
  return Number(r?.n ?? 0);
}

async function lastAnalyzed(db: SqlClient): Promise<string | undefined> {
  const [r] = await db.query<{ t: string | null }>("SELECT greatest(last_analyze, last_autoanalyze)::text AS t FROM pg_stat_user_tables WHERE relname = 'changes'").catch(() => []);
  return r?.t ?? undefined;
}

async function runBackend(o: StoreProbeOptions, backend: Backend, db: SqlClient, g: ReturnType<typeof generatedModel>, services: Array<{ name: string; namespace: string }>): Promise<BackendResult> {
  await migrate(db);
  for (const ix of o.dropIndexes ?? []) await db.exec(`DROP INDEX IF EXISTS ${ix.replace(/[^a-z0-9_]/g, '')}`);
  const store = new SqlChangeStore(db);
  const history = churnHistory(g, services, { start: START });
  const perTick = g.model.clusterNames().length;
  const next = chunks(() => history.next(Math.max(1, Math.ceil(CHUNK / perTick))), CHUNK);
  let lastLog = 0;
  const writes = await measureWrites(store, next, {
    maxEntries: o.maxEntries,
    maxBytes: o.maxBytes,
    maxSeconds: o.maxWriteSeconds,
    onProgress: (n) => {
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        log(`${o.size} ${backend}: ${n} entries written`);
      }
    },
  });
  history.stop();
  const end = history.clock;
  const r: BackendResult = {
    backend,
    writes,
    spanHours: Number(((end.getTime() - START.getTime()) / 3_600_000).toFixed(2)),
    storeBytes: await store.sizeBytes(),
    tableBytes: await tableBytes(db),
  };
  log(`${o.size} ${backend}: ${writes.entries} entries at ${writes.entriesPerS}/s, batch p50 ${writes.batchMs.p50} ms p95 ${writes.batchMs.p95} ms; ${Math.round(r.storeBytes / 1e6)} MB by retention's count, ${Math.round(r.tableBytes / 1e6)} MB on disk`);
  if (o.queries) {
    const names = g.model.clusterNames();
    const newest = Number((await store.query({ limit: 1 })).items[0]?.id ?? 1);
    const ctx = { end, cluster: names[Math.floor(names.length / 2)]!, busyService: `${services[0]!.namespace}/${services[0]!.name}`, quietService: `${services.at(-1)!.namespace}/${services.at(-1)!.name}` };
    r.passes = [];
    // As written: PGlite runs no autovacuum, so its planner never has statistics; a server's autovacuum analyzes in its own time.
    // Then after ANALYZE, what a server's autovacuum gives in the long run.
    for (const stats of o.passes?.[backend] ?? (['as written', 'after ANALYZE'] as const)) {
      if (stats === 'after ANALYZE') await db.exec('ANALYZE changes');
      const pass: QueryPass = { stats, analyzed: await lastAnalyzed(db), queries: [], paging: [] };
      r.passes.push(pass);
      try {
        pass.queries = await measureQueries(store, queryShapes(ctx, newest), o.queries.reps, o.queries.maxSecondsPerShape);
        for (const q of pass.queries) log(`${o.size} ${backend} (${stats}): ${q.name}: p50 ${q.ms.p50} ms, p95 ${q.ms.p95} ms, max ${q.ms.max} ms, loop held ${q.loopBlockedMaxMs} ms (${q.items} items, ${q.ms.n} runs)`);
        const filters: Array<[string, Omit<ChangeQuery, 'limit' | 'cursor'>]> = [['unfiltered', {}], ['category workload', { categories: ['workload'] }]];
        for (const [filter, f] of filters) {
          const p = await measurePaging(store, o.queries.pages, 100, f);
          pass.paging.push({ filter, ...p });
          log(`${o.size} ${backend} (${stats}): paging ${filter}: ${p.pages} pages, ${p.entriesDeep} entries deep, page p50 ${p.ms.p50} ms, p95 ${p.ms.p95} ms, max ${p.ms.max} ms`);
        }
      } catch (err) {
        pass.error = (err as Error).message;
      }
    }
  }
  return r;
}

// Filled as things start, so that a signal at any point stops the server by PID and removes the dirs.
const held: { server?: PgServer; dirs: string[] } = { dirs: [] };
async function cleanUp(): Promise<void> {
  await held.server?.stop().catch(() => undefined);
  held.server = undefined;
  for (const d of held.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]!) as StoreProbeOptions;
  const t0 = performance.now();
  const g = generatedModel(o.fleet);
  const services = generatedFleet(o.fleet).services.map((s) => ({ name: s.name, namespace: s.namespace }));
  log(`${o.size}: generated fleet model in ${Math.round(performance.now() - t0)} ms (${g.model.clusterNames().length} clusters, ${services.length} services)`);
  const results: BackendResult[] = [];
  try {
    for (const backend of o.backends) {
      let db: SqlClient;
      if (backend === 'pglite') {
        const dir = mkdtempSync(path.join(tmpdir(), 'meshglass-bench-history-'));
        held.dirs.push(dir);
        db = await openPgliteClient(dir);
      } else {
        held.server ??= await startPgServer();
        db = await openPgClient(await held.server.createDatabase(`bench_${o.size.toLowerCase()}`));
      }
      try {
        results.push(await runBackend(o, backend, db, g, services));
      } finally {
        await db.close();
      }
    }
  } finally {
    await cleanUp();
  }
  process.stdout.write(`${JSON.stringify({ size: o.size, clusters: g.model.clusterNames().length, services: services.length, results })}\n`);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanUp().then(() => process.exit(130)));
void main()
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    process.stderr.write(`history-store-probe: ${String((err as Error)?.stack ?? err)}\n`);
    await cleanUp();
    process.exit(1);
  });
