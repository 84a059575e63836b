/**
 * Chromium (Debian's, headless, software rendering) drawing the topology at
 * about 1,000 and 5,000 workloads with the product's own graph engine
 * (components/topology/graph-engine.ts, bundled with esbuild from
 * harness-entry.ts: the same instance options, stylesheet, layout and
 * element shaping as the page's wrapper, no React):
 *   - first render: elements added -> positions final (layout) -> a frame painted
 *   - first render with cached positions (the page's next visit)
 *   - frame intervals while panning by mouse drag (rAF timestamps, ~1 s drag)
 * for each variant: product (every node: the page with group=off), aggregated (grouped by namespace,
 * as the page opens a graph over 1,000 nodes; the folding is in the time), webgl (the same with cytoscape's
 * experimental WebGL renderer; written as `tuned` too, the key the report
 * reads), fcose (the small-graph path forced at any size: what every size got
 * before the grid layout). For the page itself see topology-page.ts.
 *   node --import tsx e2e/bench/topology-render.ts [--runs 3] [--sizes 1000,5000] [--variants product,aggregated[,webgl,fcose]] [--flat] [--profile DIR]
 * Prints one JSON object. The browser is closed in `finally`.
 */
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from '../../lib/api/topology';
import { percentiles, spread, spreadOf } from '../../server/bench/stats';
import { profiled } from './cpu-profile';
import { topologyAnswer } from './graph-fixture';
import type { Rendered, Variant } from './harness-entry';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const RUNS = Number(arg('--runs', '3'));
const SIZES = arg('--sizes', '1000,5000').split(',').map(Number);
// webgl is not in the default: with software WebGL one 5,000-node render took minutes here.
const VARIANTS = arg('--variants', 'product,aggregated').split(',') as Variant[];
/** --flat: without the cluster/namespace boxes, to isolate their cost. */
const FLAT = process.argv.includes('--flat');
/** Directory for a CPU profile of each size's first render (--profile DIR). */
const PROFILE = arg('--profile', '');

/** The engine and cytoscape as one script; unminified when profiling, so the profile names functions. */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'harness-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: !PROFILE,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(import.meta.dirname, '../../tsconfig.json'),
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

async function freshPage(page: Page, script: string): Promise<void> {
  await page.setContent(readFileSync(path.join(import.meta.dirname, 'harness.html'), 'utf8'));
  await page.addScriptTag({ content: script });
}

/** Drags the background from the top-left padding (never a node or box) for ~1 s. */
async function pan(page: Page): Promise<number[]> {
  await page.mouse.move(8, 8);
  await page.evaluate(() => (window as unknown as { startFrames(): void }).startFrames());
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(8 + i * 8, 8 + i * 5);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { stopFrames(): number[] }).stopFrames());
}

type Els = Topology['elements'];
type Stored = Record<string, { x: number; y: number }> | null;
const render = (page: Page, els: Els, stored: Stored, variant: Variant) =>
  page.evaluate(([e, s, v]) => window.renderGraph(e, s, v), [els, stored, variant] as const);

async function oneVariant(page: Page, script: string, els: Els, variant: Variant) {
  const runs: Array<{ first: Rendered; preset: Rendered; frames: ReturnType<typeof percentiles> }> = [];
  let top: Array<{ fn: string; sharePct: number }> | undefined;
  for (let i = 0; i < RUNS; i++) {
    await freshPage(page, script);
    const file = PROFILE && i === 0 ? path.join(PROFILE, `topology-${els.nodes.length}-${variant}.cpuprofile`) : undefined;
    const prof = await profiled(page, file, () => render(page, els, null, variant));
    const first = prof.value;
    if (prof.top) top = prof.top;
    const frames = percentiles(await pan(page));
    const positions = await page.evaluate(() => window.positions());
    await freshPage(page, script);
    const preset = await render(page, els, positions, variant);
    runs.push({ first, preset, frames });
    process.stderr.write(`  ${els.nodes.length} nodes ${variant} run ${i + 1}: first render ${Math.round(first.firstRenderMs)} ms (add ${Math.round(first.createdMs)}, layout ${Math.round(first.layoutMs)}), cached positions ${Math.round(preset.firstRenderMs)} ms, pan frame p50 ${frames.p50} p95 ${frames.p95} max ${frames.max} ms\n`);
  }
  return {
    firstRenderMs: spreadOf(runs, (r) => r.first.firstRenderMs, 0),
    addElementsMs: spreadOf(runs, (r) => r.first.createdMs, 0),
    layoutMs: spreadOf(runs, (r) => r.first.layoutMs, 0),
    firstRenderCachedPositionsMs: spreadOf(runs, (r) => r.preset.firstRenderMs, 0),
    panFrameP50Ms: spreadOf(runs, (r) => r.frames.p50),
    panFrameP95Ms: spreadOf(runs, (r) => r.frames.p95),
    panFrameMaxMs: spreadOf(runs, (r) => r.frames.max),
    panFrames: spread(runs.map((r) => r.frames.n), 0),
    ...(top ? { profileTopSelfTime: top } : {}),
  };
}

async function oneSize(page: Page, script: string, els: Els) {
  const out: Record<string, unknown> = { nodes: els.nodes.length, edges: els.edges.length };
  for (const v of VARIANTS) out[v] = await oneVariant(page, script, els, v);
  // The report (server/bench/report.ts) reads `product` and `tuned`; the proposed alternative here is WebGL.
  if (out.webgl) out.tuned = out.webgl;
  return out;
}

function flatten(els: Els): Els {
  const box = new Set(['cluster', 'namespace', 'appBox']);
  return { nodes: els.nodes.filter((n) => !box.has(n.data.kind)).map((n) => ({ data: { ...n.data, parent: undefined } })), edges: els.edges };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const script = await bundle();
    const out = [];
    for (const n of SIZES) {
      const els = topologyAnswer(n).elements;
      out.push(await oneSize(page, script, FLAT ? flatten(els) : els));
    }
    const variants = { product: 'every node (the page with group=off)', aggregated: 'grouped by namespace above 1,000 nodes (the page by default)', webgl: 'the same with webgl: true', fcose: 'fcose with compound boxes at any size (the small-graph path)', tuned: 'same as webgl' };
    process.stdout.write(`${JSON.stringify({ browser: browser.version(), viewport: '1280x800', headless: true, flat: FLAT, variants, results: out })}\n`);
  } finally {
    await browser.close();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`topology-render: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
