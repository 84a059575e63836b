/**
 * Chromium (Debian's, headless, software rendering) drawing the topology at
 * about 1,000 and 5,000 workloads with the product's cytoscape setup
 * (lib/topology-view: elements, stylesheet, renderer and fcose layout options):
 *   - first render: elements added -> fcose layout done -> a frame painted
 *   - first render with cached positions (no layout, a fit: the page's next visit)
 *   - frame intervals while panning by mouse drag (rAF timestamps, ~1 s drag)
 * each as the product's wrapper does it and with the proposed changes (see harness.html).
 * The topology page (app/topology) is still a placeholder, so this loads
 * e2e/bench/harness.html with cytoscape's UMD build from node_modules.
 *   node --import tsx e2e/bench/topology-render.ts [--runs 3] [--sizes 1000,5000] [--flat] [--profile DIR]
 * Prints one JSON object. The browser is closed in `finally`.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { profiled } from './cpu-profile';
import { graphFixture, type GraphFixture } from './graph-fixture';
import { percentiles, spread, spreadOf } from '../../server/bench/stats';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const RUNS = Number(arg('--runs', '3'));
const SIZES = arg('--sizes', '1000,5000').split(',').map(Number);
/** --flat: without the cluster/namespace boxes (compound parents), to isolate their cost. */
const FLAT = process.argv.includes('--flat');
/** Directory for a CPU profile of each size's first render (--profile DIR). */
const PROFILE = arg('--profile', '');

const req = createRequire(import.meta.url);
const fcoseReq = createRequire(req.resolve('cytoscape-fcose'));
const coseReq = createRequire(fcoseReq.resolve('cose-base'));
// The unminified build when profiling, so the profile names cytoscape's functions.
const scripts = [req.resolve(PROFILE ? 'cytoscape/dist/cytoscape.umd.js' : 'cytoscape/dist/cytoscape.min.js'), coseReq.resolve('layout-base'), fcoseReq.resolve('cose-base'), req.resolve('cytoscape-fcose')];

interface Rendered {
  createdMs: number;
  layoutMs: number;
  firstRenderMs: number;
}

async function freshPage(page: Page): Promise<void> {
  await page.setContent(readFileSync(path.join(import.meta.dirname, 'harness.html'), 'utf8'));
  for (const s of scripts) await page.addScriptTag({ path: s });
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

type Mode = 'product' | 'tuned';
type Render = (f: unknown, preset: boolean, mode: Mode) => Promise<Rendered>;
const render = (page: Page, f: unknown, preset: boolean, mode: Mode) =>
  page.evaluate(([fx, p, m]) => (window as unknown as { renderGraph: Render }).renderGraph(fx, p, m), [f, preset, mode] as const);

async function oneMode(page: Page, fx: GraphFixture, mode: Mode) {
  const runs: Array<{ fcose: Rendered; preset: Rendered; frames: ReturnType<typeof percentiles> }> = [];
  let top: Array<{ fn: string; sharePct: number }> | undefined;
  for (let i = 0; i < RUNS; i++) {
    await freshPage(page);
    const file = PROFILE && i === 0 ? path.join(PROFILE, `topology-${fx.nodes}-${mode}.cpuprofile`) : undefined;
    const prof = await profiled(page, file, () => render(page, fx, false, mode));
    const fcose = prof.value;
    if (prof.top) top = prof.top;
    const frames = percentiles(await pan(page));
    const positions = await page.evaluate(() => (window as unknown as { positions(): Record<string, { x: number; y: number }> }).positions());
    const placed = { ...fx, elements: fx.elements.map((e) => (positions[e.data.id] ? { ...e, position: positions[e.data.id] } : e)) };
    await freshPage(page);
    const preset = await render(page, placed, true, mode);
    runs.push({ fcose, preset, frames });
    process.stderr.write(`  ${fx.nodes} nodes ${mode} run ${i + 1}: first render ${Math.round(fcose.firstRenderMs)} ms (add ${Math.round(fcose.createdMs)}, layout ${Math.round(fcose.layoutMs)}), cached positions ${Math.round(preset.firstRenderMs)} ms, pan frame p50 ${frames.p50} p95 ${frames.p95} max ${frames.max} ms\n`);
  }
  return {
    firstRenderMs: spreadOf(runs, (r) => r.fcose.firstRenderMs, 0),
    addElementsMs: spreadOf(runs, (r) => r.fcose.createdMs, 0),
    layoutMs: spreadOf(runs, (r) => r.fcose.layoutMs, 0),
    firstRenderCachedPositionsMs: spreadOf(runs, (r) => r.preset.firstRenderMs, 0),
    panFrameP50Ms: spreadOf(runs, (r) => r.frames.p50),
    panFrameP95Ms: spreadOf(runs, (r) => r.frames.p95),
    panFrameMaxMs: spreadOf(runs, (r) => r.frames.max),
    panFrames: spread(runs.map((r) => r.frames.n), 0),
    ...(top ? { profileTopSelfTime: top } : {}),
  };
}

async function oneSize(page: Page, fx: GraphFixture) {
  return { nodes: fx.nodes, edges: fx.edges, layout: fx.layout, renderer: fx.renderer, product: await oneMode(page, fx, 'product'), tuned: await oneMode(page, fx, 'tuned') };
}

function flatten(fx: GraphFixture): GraphFixture {
  const elements = fx.elements.filter((e) => !String(e.classes).startsWith('box')).map((e) => ({ ...e, data: { ...e.data, parent: undefined } }));
  const nodes = elements.filter((e) => e.group === 'nodes').length;
  return { ...fx, elements, nodes, edges: elements.length - nodes };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const out = [];
    for (const n of SIZES) out.push(await oneSize(page, FLAT ? flatten(graphFixture(n)) : graphFixture(n)));
    process.stdout.write(`${JSON.stringify({ browser: browser.version(), viewport: '1280x800', headless: true, flat: FLAT, results: out })}\n`);
  } finally {
    await browser.close();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`topology-render: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
