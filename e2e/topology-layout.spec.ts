import { expect, test, type Locator, type Page } from '@playwright/test';
import type { LabelProbe, NodeProbe, TopologyProbe } from '../components/topology/graph-probe';
import { PROBE_KEY } from '../components/topology/graph-probe';

// How the topology page looks to someone triaging on a laptop: the graph takes the screen under one row of
// controls, labels can be read at the zoom it opens at, and a problem is a click away. Run against the demo
// fleet (37 workloads in 4 clusters); cytoscape draws on a canvas, so sizes are read from the page's probe.

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// The probe is there once the renderer has loaded: until then these answer nothing, and polls go on.
function labels(page: Page, kind: 'nodes' | 'boxes' | 'edges'): Promise<LabelProbe[]> {
  return page.evaluate(([key, k]) => (window as unknown as Record<string, TopologyProbe | undefined>)[key]?.labels(k) ?? [], [PROBE_KEY, kind] as const);
}
function zoom(page: Page): Promise<number> {
  return page.evaluate((key) => (window as unknown as Record<string, TopologyProbe | undefined>)[key]?.zoom() ?? Number.NaN, PROBE_KEY);
}
function node(page: Page, id: string): Promise<NodeProbe | undefined> {
  return page.evaluate(([key, i]) => (window as unknown as Record<string, TopologyProbe | undefined>)[key]?.node(i), [PROBE_KEY, id] as const);
}

/** Opens the page once the demo fleet's traffic has been scraped (the layout of a graph without edges says little). */
async function openWithTraffic(page: Page, search = '') {
  await expect.poll(async () => {
    await page.goto(`/topology${search}`);
    await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
    return Number(/, (\d+) edges/.exec((await page.getByTestId('topology-stats').textContent()) ?? '')?.[1] ?? 0);
  }, { timeout: 90_000, intervals: [3_000] }).toBeGreaterThanOrEqual(20);
  // Positions are kept per browser: start every check from the layout a first visit gets.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
}

test.beforeEach(({ page }) => {
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
});

async function shoot(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.classList.toggle('dark', t === 'dark'), theme);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/screenshots/topology-${name}-${theme}.png` });
  }
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
  test(`at ${width}x${height} the graph fills the page under one row of controls, with readable labels`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width, height });
    await openWithTraffic(page);

    const canvas = await box(page.getByTestId('topology-canvas'));
    expect(canvas.y).toBeLessThan(200);
    expect(canvas.height).toBeGreaterThanOrEqual(0.6 * height);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(height);
    // Nothing to scroll to: the main column holds the page.
    expect(await page.locator('main').evaluate((m) => m.scrollHeight - m.clientHeight)).toBeLessThanOrEqual(1);

    const toolbar = page.getByTestId('topology-toolbar');
    expect((await box(toolbar)).height).toBeLessThan(80);
    // One row: every control starts on the first line.
    const tops = await toolbar.locator('select:visible, input:visible, summary:visible, button:visible').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    expect(intersects(await box(page.getByRole('region', { name: 'Legend' })), canvas)).toBe(false);

    // Node labels: the name alone (cluster and namespace are the boxes'), at least 11 px, most of them drawn.
    const nodes = await labels(page, 'nodes');
    expect(nodes.length).toBeGreaterThan(20);
    for (const n of nodes) {
      expect(n.screenPx, n.id).toBeGreaterThanOrEqual(11);
      expect(n.label, n.id).toBe(n.id.split('/').pop());
    }
    const shown = nodes.filter((n) => n.shown).length;
    test.info().annotations.push({ type: 'labels', description: `${shown}/${nodes.length} node labels drawn at zoom ${(await zoom(page)).toFixed(2)}` });
    expect(shown / nodes.length).toBeGreaterThanOrEqual(0.5);
    const clusters = (await labels(page, 'boxes')).filter((b) => b.id.startsWith('cluster:'));
    expect(clusters.length).toBe(4);
    for (const c of clusters) expect(c.shown && c.screenPx >= 12, c.id).toBe(true);
    // Edges carry their rate, readable where drawn.
    const edges = await labels(page, 'edges');
    expect(edges.some((e) => e.shown && /\/s$/.test(e.label))).toBe(true);
    for (const e of edges.filter((x) => x.shown)) expect(e.screenPx).toBeGreaterThanOrEqual(10.5);
    await shoot(page, `layout-${width}`);

    // Zooming in draws the labels that had no room.
    const before = await zoom(page);
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    // Uneven deltas: cytoscape takes a run of equal ones for a coarse wheel and zooms by very little per step.
    for (let i = 0; i < 30 && (await zoom(page)) < before * 1.6; i++) await page.mouse.wheel(0, -90.5 - (i % 3) * 7.25);
    expect(await zoom(page)).toBeGreaterThan(before * 1.5);
    await expect.poll(async () => (await labels(page, 'nodes')).filter((n) => n.shown).length).toBeGreaterThan(shown === nodes.length ? shown - 1 : shown);
  });
}

test('the controls are one keyboard path, and the search opens a node with its traffic per cluster', async ({ page }) => {
  test.setTimeout(150_000);
  await openWithTraffic(page);
  // Start the tab order at the title, as a click there would.
  await page.getByRole('heading', { level: 1, name: 'Topology' }).click();
  const path: string[] = [];
  // The problems menu is there only while the graph has problems (a scenario before this test may leave some in the window).
  for (let i = 0; i < 8 && path.at(-1) !== 'More graph options'; i++) {
    await page.keyboard.press('Tab');
    path.push(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.getAttribute('title') ?? el?.textContent?.trim() ?? '';
    }));
  }
  const problemsMenu = /^\d+ problems?/;
  expect(path.filter((p) => !problemsMenu.test(p))).toEqual(['Graph', expect.stringContaining('Group by namespace'), 'Window', 'Filters: All traffic', 'Find a node in the graph', 'Focus', 'More graph options']);

  // A popover opens by keyboard, its filter applies, Escape closes it.
  const filters = page.getByRole('group', { name: 'Graph options' }).locator('summary', { hasText: 'All traffic' });
  await filters.focus();
  await page.keyboard.press('Enter');
  const firstCluster = page.getByRole('group', { name: 'Clusters' }).getByRole('checkbox').first();
  await expect(firstCluster).toBeVisible();
  await firstCluster.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/clusters=/);
  await page.keyboard.press('Escape');
  await expect(firstCluster).toBeHidden();
  await expect(page.getByRole('group', { name: 'Graph options' }).locator('summary').filter({ hasText: '1 cluster' })).toBeFocused();
  await page.getByRole('group', { name: 'Graph options' }).locator('summary').filter({ hasText: '1 cluster' }).press('Enter');
  await page.getByRole('group', { name: 'Clusters' }).getByRole('button', { name: 'all' }).click();
  await expect(page).not.toHaveURL(/clusters=/);
  await page.keyboard.press('Escape');

  const search = page.getByLabel('Find a node in the graph');
  await search.focus();
  await page.keyboard.type('productpage-v1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=wl%3A/);
  const id = decodeURIComponent(/focus=([^&]+)/.exec(page.url())![1]!);
  const panel = page.getByTestId('topology-side-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('productpage-v1');
  // Inbound and outbound, each split by the peer's cluster with that cluster's totals.
  const inbound = panel.getByTestId('topology-inbound');
  const outbound = panel.getByTestId('topology-outbound');
  await expect(outbound.locator('[data-cluster]').first()).toBeVisible();
  await expect(outbound.locator('[data-cluster]').first()).toContainText(/^to \S+/);
  await expect(outbound.locator('[data-cluster] li').first()).toContainText(/\/s, .*errors, p95/);
  await expect(inbound).toContainText('Inbound');
  // The node is selected and on screen, and its panel names the same workload in the other clusters.
  await expect.poll(async () => (await node(page, id))?.selected && (await node(page, id))?.onScreen).toBe(true);
  await expect(panel.getByTestId('topology-other-clusters').getByRole('listitem')).not.toHaveCount(0);
  await shoot(page, 'panel-1280');

  // A peer in the panel opens that peer.
  await outbound.locator('[data-cluster] li').first().getByRole('button').click();
  await expect.poll(() => page.url()).not.toContain(encodeURIComponent(id));
  await expect(panel.getByRole('heading', { level: 2 })).not.toHaveText('productpage-v1');
  await panel.getByRole('button', { name: 'Close details' }).click();
  await expect(page).not.toHaveURL(/focus=/);
});

test('a problem is coloured, listed in the toolbar, and opened by the link the overview gives', async ({ page }) => {
  test.setTimeout(150_000);
  // The healthy demo has no problem: make one service fail in the answer, as the failover scenario would.
  let failing = '';
  await page.route('**/api/v1/topology?**', async (route) => {
    // Without If-None-Match: a 304 has no body to change.
    const headers = Object.fromEntries(Object.entries(route.request().headers()).filter(([k]) => k.toLowerCase() !== 'if-none-match'));
    const res = await route.fetch({ headers });
    const body = (await res.json()) as { data: { elements: { nodes: Array<{ data: { id: string; kind: string; name: string; health?: string; healthReasons?: string[] } }> } } };
    const hit = body.data.elements.nodes.find((n) => n.data.kind === 'service' && n.data.name === 'reviews');
    if (hit) {
      hit.data.health = 'failure';
      hit.data.healthReasons = ['5xx 42% over the window'];
      failing = hit.data.id;
    }
    await route.fulfill({ response: res, json: body });
  });
  await openWithTraffic(page, '?graphType=service');
  expect(failing).not.toBe('');

  const problems = page.getByTestId('topology-problems');
  await expect(problems).toHaveAttribute('data-count', /^[1-9]/);
  await problems.locator('summary').click();
  await page.screenshot({ path: 'test-results/screenshots/topology-problems-menu-1280-light.png' });
  await problems.getByRole('button', { name: /reviews/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`focus=${encodeURIComponent(failing)}`));
  await expect(page.getByTestId('topology-side-panel').locator('[data-health]').first()).toHaveAttribute('data-health', 'failure');
  // Drawn in the failure colour (style.ts HEALTH_COLOURS.failure), selected, on screen.
  await expect.poll(async () => node(page, failing)).toMatchObject({ borderColor: 'rgb(220,38,38)', selected: true, onScreen: true });

  // The overview's "Show in topology" link (lib/ui/problems.ts) lands on the same node.
  await page.goto(`/topology?graphType=service&focus=${encodeURIComponent(failing)}`);
  await expect(page.getByTestId('topology-side-panel')).toContainText('5xx 42% over the window');
  await expect.poll(async () => node(page, failing)).toMatchObject({ selected: true, onScreen: true });
  await shoot(page, 'problem-1280');
});
