/**
 * `npm run bench` — Meshglass at fleet scale, on loopback only.
 *   npm run bench                       # S and M, 3 runs each, plus topology (server and Chromium)
 *   npm run bench -- --size L           # L only (explicit: it may not fit this machine)
 *   npm run bench -- --size S --runs 1 --skip sse,browser
 *   npm run bench -- --smoke            # what `npm test` runs: S once, short loads, no Chromium, the history stage small
 *   npm run bench -- history            # the change history alone: writes at M and L, queries and the cost to the sync at L
 *   npm run bench -- history --size M --skip cost   # (server/bench/history-stage.ts; skip names pglite, pg, cost)
 *   npm run bench -- analysis           # every analysis rule over the generated M and L fleets, in-process (server/bench/analysis-scale.ts)
 * Results: bench-results/<size>.json and bench-results/topology.json (history: bench-results/history.json, analysis: bench-results/analysis.json)
 * (--out DIR elsewhere; --smoke writes to .meshglass/bench-smoke/).
 * Steps: sync, quiet, api, change, sse, topology, browser, history (smoke only) (names for --skip); quiet is
 * a quiet dashboard after it is ready (30 s at S and M, 180 s at L, 3 s with --smoke;
 * BENCH_QUIET_SECONDS overrides).
 * Env: BENCH_PROFILE_DIR=DIR writes a CPU profile of next start there;
 * BENCH_API_SECONDS=N overrides the seconds per endpoint and load mode.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runJson, stopAllChildren, tsxArgs } from './children';
import { runHistoryStage } from './history-stage';
import { ensureBuild } from './next-host';
import { loadAverage } from './proc-mem';
import { runSize, simNice, type SizeResult } from './run-size';
import { SIZES, smoke, type SizeName } from './sizes';
import { measureTopologyBuild, type TopologyServerResult } from './topology-server';

interface Args {
  sizes: SizeName[];
  runs: number;
  skip: Set<string>;
  out: string;
  smoke: boolean;
  /** `history`: only the change history stage. */
  history: boolean;
  /** `analysis`: only the analysis at scale. */
  analysis: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: ['S', 'M'], runs: 3, skip: new Set(), out: 'bench-results', smoke: false, history: false, analysis: false };
  let sized = false;
  for (let i = 0; i < argv.length; i++) {
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return x;
    };
    const f = argv[i];
    if (f === '--size') [a.sizes, sized] = [v().toUpperCase().split(',') as SizeName[], true];
    else if (f === 'history') a.history = true;
    else if (f === 'analysis') a.analysis = true;
    else if (f === '--runs') a.runs = Number(v());
    else if (f === '--skip') v().split(',').forEach((s) => a.skip.add(s));
    else if (f === '--out') a.out = v();
    else if (f === '--smoke') a.smoke = true;
    else throw new Error(`unknown flag ${f}`);
  }
  if ((a.history || a.analysis) && !sized) a.sizes = ['M', 'L'];
  if (a.history && !argv.includes('--runs')) a.runs = 1;
  if (a.smoke) {
    a.sizes = ['S'];
    a.runs = 1;
    a.skip.add('browser');
    a.out = '.meshglass/bench-smoke';
  }
  for (const s of a.sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s} (S, M or L)`);
  if (!Number.isInteger(a.runs) || a.runs < 1) throw new Error('--runs must be a positive integer');
  return a;
}

function machine(): Record<string, unknown> {
  const sh = (c: string) => {
    try {
      return execSync(c, { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  };
  return { nproc: Number(sh('nproc')), freeG: sh('free -g'), totalMemGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString(), cpu: os.cpus()[0]?.model, loadAverageAtStart: loadAverage(), simNice: simNice() };
}

const log = (m: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const m = machine();
  const t0 = Date.now();
  let failed = 0;
  const write = (name: string, body: object) => writeFileSync(path.join(args.out, `${name}.json`), `${JSON.stringify({ command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), machine: m, ...body }, null, 1)}\n`);
  if (args.analysis) {
    const results: unknown[] = [];
    for (const size of args.sizes) {
      log(`analysis: every rule over the generated ${size} fleet`);
      try {
        results.push(await runJson(process.execPath, tsxArgs('server/bench/analysis-scale.ts', [size], ['--expose-gc', '--conditions=react-server', '--max-old-space-size=16384']), { timeoutMs: 1_800_000, label: `analysis ${size}` }));
      } catch (err) {
        failed++;
        log(`  ${size} failed: ${(err as Error).message}`);
      }
    }
    // The CLI as a user runs it, over a 24-cluster mesh's manifests (istio/istio#52951: istioctl OOM-killed there).
    const cli: unknown[] = [];
    for (const format of ['json', 'yaml']) {
      log(`analysis: meshglass analyze over 24 clusters' manifests (${format})`);
      try {
        cli.push(await runJson(process.execPath, tsxArgs('server/bench/analyze-cli-scale.ts', ['24', '200', '5', format], ['--conditions=react-server']), { timeoutMs: 1_800_000, label: `analyze CLI ${format}` }));
      } catch (err) {
        failed++;
        log(`  CLI ${format} failed: ${(err as Error).message}`);
      }
    }
    write('analysis', { loadAverageAtEnd: loadAverage(), results, cli });
    log(`done in ${Math.round((Date.now() - t0) / 1000)} s; results in ${args.out}/analysis.json`);
    return failed ? 1 : 0;
  }
  if (args.history) {
    const r = await runHistoryStage({ sizes: args.sizes, runs: args.runs, skip: args.skip, smoke: args.smoke, log });
    write('history', { runs: args.runs, loadAverageAtEnd: loadAverage(), result: r });
    log(`done in ${Math.round((Date.now() - t0) / 1000)} s; results in ${args.out}/history.json${r.errors.length ? `; ${r.errors.length} step(s) failed: ${r.errors.join('; ')}` : ''}`);
    return r.errors.length ? 1 : 0;
  }
  for (const name of args.sizes) {
    const size = args.smoke ? smoke(SIZES[name]) : SIZES[name];
    const r: SizeResult = await runSize(size, { runs: args.runs, skip: args.skip, log });
    failed += r.errors.length;
    r.loadAverage.push(loadAverage());
    write(name, { runs: args.runs, result: r });
  }
  const topo: { server?: TopologyServerResult[]; browser?: unknown; page?: unknown } = {};
  if (!args.skip.has('topology')) {
    log('topology build (server), 1,000 and 5,000 nodes');
    const sizes = args.smoke ? [[1000, 4000]] : [[1000, 4000], [5000, 20000]];
    topo.server = [];
    for (const [n, e] of sizes) {
      const t = await measureTopologyBuild(n!, e!, args.runs);
      topo.server.push(t);
      log(`  ${t.nodes} nodes, ${t.edges} edges: build ${t.buildMs.median} ms (min ${t.buildMs.min}, max ${t.buildMs.max})`);
    }
  }
  if (!args.skip.has('browser')) {
    const runs = String(Math.min(2, args.runs));
    log('topology render in Chromium, 1,000 and 5,000 nodes: the graph engine alone, then the built page');
    try {
      topo.browser = await runJson(process.execPath, tsxArgs('e2e/bench/topology-render.ts', ['--runs', runs]), { timeoutMs: 1_200_000, label: 'chromium' });
      await ensureBuild(log);
      topo.page = await runJson(process.execPath, tsxArgs('e2e/bench/topology-page.ts', ['--runs', runs]), { timeoutMs: 1_200_000, label: 'chromium page' });
    } catch (err) {
      failed++;
      log(`  browser failed: ${(err as Error).message}`);
    }
  }
  if (topo.server || topo.browser || topo.page) write('topology', { runs: args.runs, loadAverageAtEnd: loadAverage(), ...topo });
  if (args.smoke && !args.skip.has('history')) {
    log('change history, small (the full stage: npm run bench -- history)');
    const h = await runHistoryStage({ sizes: args.sizes, runs: 1, skip: args.skip, smoke: true, log });
    failed += h.errors.length;
    write('history', { runs: 1, result: h });
  }
  log(`done in ${Math.round((Date.now() - t0) / 1000)} s; results in ${args.out}/${failed ? `; ${failed} step(s) failed` : ''}`);
  return failed ? 1 : 0;
}

// Ctrl-C or a crash: stop every child by PID before leaving.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping children`);
    void stopAllChildren().then(() => process.exit(130));
  });
}
main()
  .then(async (code) => {
    await stopAllChildren();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    process.stderr.write(`bench: ${String((err as Error)?.stack ?? err)}\n`);
    await stopAllChildren();
    process.exit(1);
  });
