/**
 * Prints the markdown tables of docs/benchmarks.md from bench-results/*.json.
 *   node --import tsx server/bench/report.ts [dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SizeResult } from './run-size';
import type { Spread } from './stats';

const dir = process.argv[2] ?? 'bench-results';
const fmt = (s: Spread | undefined, unit = '') => (s && s.runs.length ? (s.min === s.max ? `${s.median}${unit}` : `${s.median}${unit} (${s.min}–${s.max})`) : 'n/a');
const read = <T>(f: string): T | undefined => (existsSync(path.join(dir, f)) ? (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as T) : undefined);

interface SizeFile {
  command: string;
  machine: { date: string; loadAverageAtStart: number };
  runs: number;
  result: SizeResult;
}

const out: string[] = [];
for (const size of ['S', 'M', 'L']) {
  const f = read<SizeFile>(`${size}.json`);
  if (!f?.result) continue; // L.json is written by hand (see its note)
  const r = f.result;
  const sy = r.sync as Record<string, Spread> | undefined;
  out.push(`### ${size}: ${r.fleet.clusters.length} clusters, ${r.fleet.services} Services, ${r.fleet.pods} pods, ${r.fleet.objects} objects`);
  out.push(`\`${f.command}\` — ${f.machine.date.slice(0, 16)}, ${f.runs} runs, load average ${r.loadAverage.map((x) => x.toFixed(1)).join(' → ')}; figures: median (min–max)\n`);
  out.push('| figure | value |', '|---|---|');
  if (sy) {
    out.push(`| initial sync, whole fleet | ${fmt(sy.syncMs, ' ms')} |`, `| floor: same LISTs fetched + JSON.parse | ${fmt(sy.floorMs, ' ms')} |`, `| ratio sync / floor (paired runs) | ${fmt(sy.ratio)} |`);
    out.push(`| CPU of sync / of floor | ${fmt(sy.syncCpuMs, ' ms')} / ${fmt(sy.floorCpuMs, ' ms')} |`);
    out.push(`| RSS after sync (GC) | ${fmt(sy.rssAfterSyncMiB, ' MiB')} (process baseline ${fmt(sy.rssBaselineMiB, ' MiB')}) |`);
    out.push(`| heap retained by the model | ${fmt(sy.heapRetainedMiB, ' MiB')} |`, `| retained bytes per pod / per Service | ${fmt(sy.bytesPerPod, ' B')} / ${fmt(sy.bytesPerService, ' B')} |`);
  }
  if (r.nextReadyMs) out.push(`| next start until every cluster ok | ${r.nextReadyMs} ms |`);
  if (r.quiet) {
    const q = r.quiet;
    out.push(`| quiet ${q.seconds} s after ready: dashboard CPU / RSS at the end | ${q.cpuPercent} % of a core / ${q.rssMiB} MiB |`);
    out.push(`| istiod polls ok at its end; age of the last poll p50 / max | ${q.polledOk} of ${q.controlPlanes}; ${q.pollAgeSeconds.p50} s / ${q.pollAgeSeconds.max} s |`);
  }
  if (r.change) out.push(`| change-to-client p50 / p99 (${r.change.runs.reduce((a, x) => a + x.changes, 0)} changes, ${r.change.missed} missed) | ${fmt(r.change.p50, ' ms')} / ${fmt(r.change.p99, ' ms')} |`);
  if (r.sse) out.push(`| 1,000 SSE clients: event delay p50 / p99 (${r.sse.missed} missed) | ${fmt(r.sse.p50, ' ms')} / ${fmt(r.sse.p99, ' ms')} |`, `| 1,000 SSE clients: dashboard RSS, growth | ${fmt(r.sse.rssWithClientsMiB, ' MiB')}, +${fmt(r.sse.rssDeltaMiB, ' MiB')} |`);
  if (r.api) {
    out.push('', '| endpoint | open loop: 100 clients, 1 req/s each: p50 / p95 / p99 (timed out) | closed loop: 100 connections, no think time: p50 / p95 / p99 | req/s |', '|---|---|---|---|');
    // Files from before the open-loop mode have none (their paced figures are in docs/benchmarks.md as text).
    for (const a of r.api) out.push(`| ${a.name} | ${fmt(a.open?.p50)} / ${fmt(a.open?.p95)} / ${fmt(a.open?.p99)} ms (${a.open?.errors ?? 'n/a'}) | ${fmt(a.saturated.p50)} / ${fmt(a.saturated.p95)} / ${fmt(a.saturated.p99)} ms | ${fmt(a.saturated.rps)} |`);
  }
  if (r.errors.length) out.push('', `Errors: ${r.errors.join('; ')}`);
  out.push('');
}
interface EngineRun { firstRenderMs: Spread; addElementsMs: Spread; layoutMs: Spread; firstRenderCachedPositionsMs: Spread; panFrameP50Ms: Spread; panFrameP95Ms: Spread; panFrameMaxMs: Spread }
interface Visit { renderedMs: Spread; answerMs: Spread; elementsMs: Spread; drawMs: Spread }
interface PageMode { drawnNodes?: number; answerBytes?: number; firstVisit: Visit; nextVisit: Visit; panFrameP95Ms: Spread }
// Older files have one mode (every node) at the top level; newer ones one entry per mode.
type PageRun = { nodes: number; edges: number; answerBytes: number; aggregated?: PageMode; full?: PageMode } & Partial<PageMode>;
interface TopologyFile {
  command: string;
  server?: Array<{ nodes: number; edges: number; buildMs: Spread; cpuMs?: Spread }>;
  browser?: { browser: string; results: Array<{ nodes: number; edges: number; product?: EngineRun; aggregated?: EngineRun }> };
  page?: { browser: string; results: PageRun[] };
}
const t = read<TopologyFile>('topology.json');
if (t?.server) {
  out.push('### Topology', `\`${t.command}\``, '', '| graph | server build (wall) | build CPU |', '|---|---|---|');
  for (const s of t.server) out.push(`| ${s.nodes} nodes, ${s.edges} edges | ${fmt(s.buildMs, ' ms')} | ${fmt(s.cpuMs, ' ms')} |`);
}
if (t?.browser) {
  out.push('', `Chromium ${t.browser.browser} (headless, software rendering, 1280x800), the graph engine alone (e2e/bench/topology-render.ts):`, '', '| graph | drawn as | first render (add + layout + paint) | of which add / layout | cached positions | pan frame p50 / p95 / max |', '|---|---|---|---|---|---|');
  for (const b of t.browser.results) {
    for (const [how, x] of [['grouped by namespace', b.aggregated], ['every node', b.product]] as const) {
      if (x) out.push(`| ${b.nodes} nodes, ${b.edges} edges | ${how} | ${fmt(x.firstRenderMs, ' ms')} | ${fmt(x.addElementsMs)} / ${fmt(x.layoutMs)} ms | ${fmt(x.firstRenderCachedPositionsMs, ' ms')} | ${fmt(x.panFrameP50Ms)} / ${fmt(x.panFrameP95Ms)} / ${fmt(x.panFrameMaxMs)} ms |`);
    }
  }
}
if (t?.page) {
  out.push('', 'The built page /topology (e2e/bench/topology-page.ts; the answer served by Playwright):', '', '| graph | answer | drawn as | navigation -> painted | answer in | elements in the wrapper | draw | next visit | pan frame p95 |', '|---|---|---|---|---|---|---|---|---|');
  for (const p of t.page.results) {
    const modes: Array<[string, PageMode | undefined]> = p.firstVisit ? [['every node', p as PageMode]] : [['default (grouped above 1,000 nodes)', p.aggregated], ['every node (`group=off`)', p.full]];
    for (const [how, m] of modes) {
      if (!m) continue;
      const f = m.firstVisit;
      const drawn = m.drawnNodes === undefined ? how : `${how}: ${m.drawnNodes} nodes`;
      // Newer files have the bytes of the answer each mode asked for (grouped by the server by default).
      out.push(`| ${p.nodes} nodes, ${p.edges} edges | ${((m.answerBytes ?? p.answerBytes) / 2 ** 20).toFixed(m.answerBytes !== undefined && m.answerBytes < 2 ** 20 ? 2 : 1)} MiB | ${drawn} | ${fmt(f.renderedMs, ' ms')} | ${fmt(f.answerMs, ' ms')} | ${fmt(f.elementsMs, ' ms')} | ${fmt(f.drawMs, ' ms')} | ${fmt(m.nextVisit.renderedMs, ' ms')} | ${fmt(m.panFrameP95Ms, ' ms')} |`);
    }
  }
}
process.stdout.write(`${out.join('\n')}\n`);
