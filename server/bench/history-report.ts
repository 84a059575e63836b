/**
 * Prints the markdown tables of docs/benchmarks.md's "Change history" from a
 * history stage's result.
 *   node --import tsx server/bench/history-report.ts [bench-results/history.json] [before.json]
 * With a second file (the same stage run with BENCH_HISTORY_DROP_INDEXES), the
 * query table gets a "before" column per figure.
 */
import { readFileSync } from 'node:fs';
import type { CostRun, HistoryStageResult } from './history-stage';
import type { BackendResult, QueryPass } from './history-store-probe';
import type { Percentiles } from './stats';

interface StageFile {
  command: string;
  machine: { date: string; nproc: number; totalMemGiB: number; node: string; loadAverageAtStart: number };
  loadAverageAtEnd?: number;
  result: HistoryStageResult;
}

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as StageFile;
const file = read(process.argv[2] ?? 'bench-results/history.json');
const before = process.argv[3] ? read(process.argv[3]) : undefined;
const out: string[] = [];
const n = (x: number) => x.toLocaleString('en-US');
const ms = (p: Percentiles | undefined) => (p && p.n ? `${p.p50} / ${p.p95} / ${p.max}` : 'n/a');

out.push(`\`${file.command}\` — ${file.machine.date.slice(0, 16)}, ${file.machine.nproc} cores, ${file.machine.totalMemGiB} GiB, Node ${file.machine.node}, load average ${file.machine.loadAverageAtStart} at the start${file.loadAverageAtEnd === undefined ? '' : `, ${file.loadAverageAtEnd} at the end`}`, '');

out.push('| fleet | backend | entries | entries/s | batch of 500: p50 / p95 / max ms | first tenth p50 / p95 | last tenth p50 / p95 | on disk (table + indexes) |', '|---|---|---|---|---|---|---|---|');
for (const s of file.result.store) {
  for (const r of s.results) {
    const w = r.writes;
    out.push(`| ${s.size} (${s.clusters} clusters) | ${r.backend} | ${n(w.entries)} (${(r.storeBytes / 1e6).toFixed(0)} MB by retention's count, ${r.spanHours} h of churn) | **${n(w.entriesPerS)}** | ${ms(w.batchMs)} | ${w.firstTenthBatchMs.p50} / ${w.firstTenthBatchMs.p95} | ${w.lastTenthBatchMs.p50} / ${w.lastTenthBatchMs.p95} | ${(r.tableBytes / 1e6).toFixed(0)} MB |`);
  }
}

const largest = file.result.store.at(-1);
const passesOf = (f: StageFile | undefined) => (f?.result.store.at(-1)?.results ?? []).flatMap((r: BackendResult) => (r.passes ?? []).map((p) => ({ backend: r.backend, pass: p })));
const cols = passesOf(file);
const beforeCols = passesOf(before);
const find = (list: Array<{ backend: string; pass: QueryPass }>, backend: string, stats: string, name: string) => list.find((c) => c.backend === backend && c.pass.stats === stats)?.pass.queries.find((q) => q.name === name);
if (largest && cols.length) {
  out.push('', `Query latency, ms p50 / p95 / max (runs), on the ${largest.size} store above${before ? '; "before": the same without `changes_category_idx`' : ''}; "loop" is the longest the calling process's event loop was held:`, '');
  const head = cols.map((c) => `${c.backend}, ${c.pass.stats}`);
  out.push(`| request | ${head.map((h) => (before ? `${h} | before` : h)).join(' | ')} | ${cols.map((c) => `loop, ${c.backend}`).filter((x, i, a) => a.indexOf(x) === i).join(' | ')} |`);
  out.push(`|---|${head.map(() => (before ? '---|---|' : '---|')).join('')}${cols.map((c) => c.backend).filter((x, i, a) => a.indexOf(x) === i).map(() => '---|').join('')}`);
  for (const q of cols[0]!.pass.queries) {
    const cells = cols.map((c) => {
      const x = find(cols, c.backend, c.pass.stats, q.name);
      const b = find(beforeCols, c.backend, c.pass.stats, q.name);
      const v = x ? `${ms(x.ms)} (${x.ms.n})` : 'n/a';
      return before ? `${v} | ${b ? ms(b.ms) : 'n/a'}` : v;
    });
    const loops = [...new Set(cols.map((c) => c.backend))].map((b) => Math.max(...cols.filter((c) => c.backend === b).map((c) => find(cols, b, c.pass.stats, q.name)?.loopBlockedMaxMs ?? 0)));
    out.push(`| ${q.name} (\`${q.request}\`) | ${cells.join(' | ')} | ${loops.join(' | ')} |`);
  }
  for (const f of cols[0]!.pass.paging.map((p) => p.filter)) {
    const cells = cols.map((c) => {
      const p = c.pass.paging.find((x) => x.filter === f);
      const b = beforeCols.find((x) => x.backend === c.backend && x.pass.stats === c.pass.stats)?.pass.paging.find((x) => x.filter === f);
      const v = p ? `${ms(p.ms)} (${p.pages} pages)` : 'n/a';
      return before ? `${v} | ${b ? ms(b.ms) : 'n/a'}` : v;
    });
    out.push(`| following \`next\`, ${f}, 100 a page | ${cells.join(' | ')} | ${[...new Set(cols.map((c) => c.backend))].map(() => '').join(' | ')} |`);
  }
}

const cost = file.result.cost;
if (cost?.runs.length) {
  out.push('', `Cost to the sync at ${cost.size}: the fleet runtime with the history off and on (PGlite, in-process), ${cost.windowSeconds} s of churn after the sync:`, '');
  out.push('| figure | ' + cost.runs.map((r: CostRun) => `history ${r.mode}`).join(' | ') + ' |', '|---|' + cost.runs.map(() => '---|').join(''));
  const row = (label: string, f: (r: CostRun) => string | number) => out.push(`| ${label} | ${cost.runs.map(f).join(' | ')} |`);
  row('initial sync, every cluster ok', (r) => `${n(r.probe.syncMs)} ms`);
  row('CPU of the sync', (r) => `${n(r.probe.syncCpuMs)} ms`);
  row('churn driven: applies/s (skipped, failed; apply p50 / p95 ms)', (r) => `${r.churn.appliesPerS} (${r.churn.skipped ?? 0}, ${r.churn.failed}; ${r.churn.applyMs.p50} / ${r.churn.applyMs.p95})`);
  row('churn apply to model write p50 / p95 / max (missed)', (r) => `${ms(r.churnToModelMs)} ms (${r.churnMissed})`);
  row('CPU during the churn', (r) => `${r.probe.window.cpuMsPerS} ms/s`);
  row('event loop: gaps > 50 ms, longest, p99', (r) => `${r.probe.window.gapsOver50ms}, ${r.probe.window.gapMaxMs} ms, ${r.probe.window.gapP99Ms} ms`);
  row('services page read + JSON p50 / p95 / max', (r) => `${ms(r.probe.window.servicesReadMs)} ms`);
  row('RSS at the end of the churn', (r) => `${n(r.probe.window.rssMiB)} MiB`);
  row('entries written', (r) => (r.probe.history ? `${n(r.probe.history.entries)} (${r.probe.history.state})` : '—'));
  row('first open of a fresh PGlite data dir (before the sync)', (r) => (r.probe.history?.freshStoreOpenMs === undefined ? '—' : `${n(r.probe.history.freshStoreOpenMs)} ms`));
}
if (file.result.errors.length) out.push('', `Errors: ${file.result.errors.join('; ')}`);
process.stdout.write(`${out.join('\n')}\n`);
