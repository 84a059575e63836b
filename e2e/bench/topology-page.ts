/**
 * The topology page itself (the built app under `next start`) drawing a large
 * fleet in Debian's Chromium (headless, software rendering, 1280x800).
 * Playwright answers GET /api/v1/topology with a generated graph of about N
 * workloads (graph-fixture.ts, the API's JSON shape), grouped as the request's
 * `group=`/`expand=` ask with the server's function (grouped-topology.ts);
 * everything else is the real app. Each size is measured in two modes: `aggregated` (the page as it
 * opens, grouped by namespace above 1,000 nodes) and `full` (`group=off`: every
 * node drawn). Per run and mode, in a fresh browser context:
 *   - first visit: navigation start -> the wrapper's `topology:rendered` mark
 *     (layout done or positions placed, then a frame painted); also when the
 *     topology answer had arrived (resource timing) and when the wrapper got
 *     the elements (`topology:elements` mark)
 *   - pan frame intervals (rAF) during a ~1 s drag of the canvas background
 *   - second visit (reload, positions now in localStorage): the same figures
 *   node --import tsx e2e/bench/topology-page.ts [--runs 2] [--sizes 1000,5000] [--modes aggregated,full] [--port 3312]
 * Needs `npx next build` first. Starts `next start` on loopback with a config
 * without clusters and stops it (and the browser) by PID in `finally`.
 * Prints one JSON object; progress goes to stderr.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { percentiles, spreadOf } from '../../server/bench/stats';
import { startNextServer } from '../support/next-server';
import { GROUPINGS, type Grouping } from '../../lib/topology-view/aggregate';
import { groupTopology } from '../../lib/topology-view/grouped-topology';
import { topologyAnswer } from './graph-fixture';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const RUNS = Number(arg('--runs', '2'));
const SIZES = arg('--sizes', '1000,5000').split(',').map(Number);
const PORT = Number(arg('--port', '3312'));
const MODES = arg('--modes', 'aggregated,full').split(',') as Mode[];
type Mode = 'aggregated' | 'full';
const URLS: Record<Mode, string> = { aggregated: '/topology?graphType=workload', full: '/topology?graphType=workload&group=off' };
const TIMEOUT_MS = 240_000;

interface Visit {
  /** Navigation start -> the graph painted. */
  renderedMs: number;
  /** Navigation start -> the topology answer fully received. */
  answerMs: number;
  /** Navigation start -> the wrapper's effect got the elements (after zod parse and React render). */
  elementsMs: number;
  /** Elements in the wrapper -> painted: cytoscape's share. */
  drawMs: number;
}

async function visit(page: Page, reload: boolean, url: string): Promise<Visit> {
  if (reload) await page.reload();
  else await page.goto(url);
  const canvas = page.getByTestId('topology-canvas');
  await canvas.and(page.locator('[data-rendered]')).waitFor({ timeout: TIMEOUT_MS });
  // No named functions inside evaluate: tsx's keepNames would reference a __name helper the page lacks.
  return page.evaluate(() => {
    const answer = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/v1/topology')) as PerformanceResourceTiming | undefined;
    const rendered = performance.getEntriesByName('topology:rendered', 'mark')[0]?.startTime ?? Number.NaN;
    const elements = performance.getEntriesByName('topology:elements', 'mark')[0]?.startTime ?? Number.NaN;
    return { renderedMs: rendered, answerMs: answer?.responseEnd ?? Number.NaN, elementsMs: elements, drawMs: rendered - elements };
  });
}

/** Drags the canvas background from its top-left padding for ~1 s, collecting rAF intervals. */
async function pan(page: Page): Promise<number[]> {
  const box = await page.getByTestId('topology-canvas').boundingBox();
  if (!box) return [];
  const x0 = box.x + 6;
  const y0 = box.y + 6;
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.framing = true;
    const tick = (t) => { window.frames_.push(t); if (window.framing) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x0 + i * 8, y0 + i * 5);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; framing: boolean };
    w.framing = false;
    return w.frames_.slice(1).map((t, i) => t - w.frames_[i]!);
  });
}

async function oneMode(browser: Browser, baseURL: string, answer: ReturnType<typeof topologyAnswer>, mode: Mode) {
  const runs: Array<{ first: Visit; cached: Visit; pan: ReturnType<typeof percentiles> }> = [];
  let drawn = Number.NaN;
  let answerBytes = Number.NaN;
  const envelope = (data: unknown) => JSON.stringify({ data, clusters: Object.fromEntries(Object.keys(answer.telemetry).map((c) => [c, { state: 'ok', dataAgeSeconds: 0 }])), revision: 1, generatedAt: new Date().toISOString() });
  const bodies = new Map<string, string>();
  const bodyFor = (url: string) => {
    const u = new URL(url);
    const group = u.searchParams.get('group');
    const key = `${group}/${u.searchParams.get('expand') ?? ''}`;
    let body = bodies.get(key);
    if (body === undefined) {
      const expand = (u.searchParams.get('expand') ?? '').split(',').filter(Boolean);
      bodies.set(key, (body = envelope(groupTopology(answer, (GROUPINGS as readonly string[]).includes(group ?? '') ? (group as Grouping) : undefined, expand))));
    }
    return body;
  };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    try {
      await context.route('**/api/v1/topology?**', (route) => {
        const body = bodyFor(route.request().url());
        answerBytes = body.length;
        return route.fulfill({ status: 200, contentType: 'application/json', body });
      });
      const page = await context.newPage();
      const first = await visit(page, false, URLS[mode]);
      // What the canvas draws (the stats line says so when grouped).
      drawn = await page.getByTestId('topology-stats').textContent().then((t) => Number(/drawn as (\d+) nodes/.exec(t ?? '')?.[1] ?? answer.elements.nodes.length));
      const frames = percentiles(await pan(page));
      const cached = await visit(page, true, URLS[mode]);
      runs.push({ first, cached, pan: frames });
      const r = (x: number) => Math.round(x);
      process.stderr.write(
        `  ${answer.elements.nodes.length} nodes ${mode} (${drawn} drawn) run ${i + 1}: painted ${r(first.renderedMs)} ms after navigation (answer in ${r(first.answerMs)}, elements in the wrapper ${r(first.elementsMs)}, draw ${r(first.drawMs)}); next visit ${r(cached.renderedMs)} ms (draw ${r(cached.drawMs)}); pan frame p50 ${frames.p50} p95 ${frames.p95} max ${frames.max} ms\n`,
      );
    } finally {
      await context.close();
    }
  }
  const fig = (pick: (r: (typeof runs)[number]) => number) => spreadOf(runs, pick, 0);
  return {
    drawnNodes: drawn,
    /** The bytes of the answer the page asked for (grouped in `aggregated` mode). */
    answerBytes,
    firstVisit: { renderedMs: fig((r) => r.first.renderedMs), answerMs: fig((r) => r.first.answerMs), elementsMs: fig((r) => r.first.elementsMs), drawMs: fig((r) => r.first.drawMs) },
    nextVisit: { renderedMs: fig((r) => r.cached.renderedMs), answerMs: fig((r) => r.cached.answerMs), elementsMs: fig((r) => r.cached.elementsMs), drawMs: fig((r) => r.cached.drawMs) },
    panFrameP50Ms: spreadOf(runs, (r) => r.pan.p50),
    panFrameP95Ms: spreadOf(runs, (r) => r.pan.p95),
    panFrameMaxMs: spreadOf(runs, (r) => r.pan.max),
  };
}

async function oneSize(browser: Browser, baseURL: string, workloads: number) {
  const answer = topologyAnswer(workloads);
  const body = JSON.stringify({ data: answer, clusters: Object.fromEntries(Object.keys(answer.telemetry).map((c) => [c, { state: 'ok', dataAgeSeconds: 0 }])), revision: 1, generatedAt: new Date().toISOString() });
  const out: Record<string, unknown> = { nodes: answer.elements.nodes.length, edges: answer.elements.edges.length, answerBytes: body.length };
  for (const mode of MODES) out[mode] = await oneMode(browser, baseURL, answer, mode);
  return out;
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no build: run `npx next build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'meshglass-topology-page-'));
  const configFile = path.join(dir, 'meshglass.yaml');
  writeFileSync(configFile, 'log:\n  level: warn\n');
  const server = await startNextServer({ port: PORT, configFile, logFile: path.join(dir, 'next.log') });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const out = [];
    for (const n of SIZES) out.push(await oneSize(browser, server.url, n));
    process.stdout.write(`${JSON.stringify({ browser: browser.version(), viewport: '1280x800', headless: true, page: '/topology?graphType=workload', results: out })}\n`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`topology-page: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
