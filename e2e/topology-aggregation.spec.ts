import { expect, test, type Page, type Route } from '@playwright/test';
import type { Topology } from '../lib/api/topology';
import { AGGREGATE_ABOVE_NODES, GROUPINGS, type Grouping } from '../lib/topology-view/aggregate';
import { findNodes } from '../lib/topology-view/find-nodes';
import { groupTopology } from '../lib/topology-view/grouped-topology';
import { expectNoSeriousA11yIssues } from './pages/fleet-checks';
import { topologyAnswer } from './bench/graph-fixture';

// A generated fleet of ~1,500 workloads in 10 clusters and 8 namespaces (the bench's fixture),
// served in place of the demo fleet's small graph, grouped as the request asks with the
// server's own function: the page must ask for it grouped by namespace.
let answer: Topology;
const envelope = (data: unknown) => JSON.stringify({ data, clusters: Object.fromEntries(Object.keys(answer.telemetry).map((c) => [c, { state: 'ok', dataAgeSeconds: 0 }])), revision: 1, generatedAt: new Date().toISOString() });
test.beforeAll(() => {
  answer = topologyAnswer(1500);
  expect(answer.stats.nodes).toBeGreaterThan(AGGREGATE_ABOVE_NODES);
});

/** What the page asked of the topology API (group, expand), and the bytes of each answer. */
interface Asked {
  group: string | null;
  expand: string[];
  bytes: number;
}

/** Answers the topology API as the server does; `hold` delays answers it returns a promise for. */
async function serve(page: Page, asked: Asked[] = [], hold?: (a: Asked) => Promise<void> | undefined) {
  await page.route('**/api/v1/topology?**', async (route: Route) => {
    const u = new URL(route.request().url());
    const group = u.searchParams.get('group');
    const expand = (u.searchParams.get('expand') ?? '').split(',').filter(Boolean);
    const body = envelope(groupTopology(answer, (GROUPINGS as readonly string[]).includes(group ?? '') ? (group as Grouping) : undefined, expand));
    const a = { group, expand, bytes: body.length };
    asked.push(a);
    await hold?.(a);
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.route('**/api/v1/topology/nodes?**', (route: Route) => {
    const q = new URL(route.request().url()).searchParams.get('q') ?? '';
    return route.fulfill({ status: 200, contentType: 'application/json', body: envelope({ items: findNodes(answer.elements.nodes, q) }) });
  });
}

async function open(page: Page, search: string, asked: Asked[] = []) {
  await serve(page, asked);
  await page.goto(`/topology${search}`);
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
}
/** How many nodes the canvas draws, from the stats line ("drawn as N nodes"). */
async function drawn(page: Page): Promise<number> {
  const text = (await page.getByTestId('topology-stats').textContent()) ?? '';
  return Number(/drawn as (\d+) nodes/.exec(text)?.[1] ?? Number.NaN);
}

test('a large graph opens grouped by namespace; a namespace expands and collapses by keyboard, kept in the URL', async ({ page }) => {
  const asked: Asked[] = [];
  await open(page, '?graphType=workload', asked);
  const grouping = page.getByTestId('topology-grouping');
  await expect(grouping).toHaveAttribute('data-grouped', 'namespace');
  await expect(page.getByTestId('topology-stats')).toContainText('grouped by namespace');
  await expect(page.getByTestId('topology-stats')).toContainText(`${answer.stats.nodes} nodes in 8 namespaces`);
  // The page asked for the grouped graph, not every node.
  expect(asked[0]).toMatchObject({ group: 'auto', expand: [] });
  expect(asked[0]!.bytes).toBeLessThan(envelope(answer).length / 10);
  const collapsed = await drawn(page);
  expect(collapsed).toBeLessThan(100);
  await page.screenshot({ path: 'test-results/screenshots/topology-grouped-1280-light.png' });

  await grouping.locator('summary').click();
  await page.screenshot({ path: 'test-results/screenshots/topology-grouped-menu-1280-light.png' });
  const toggle = grouping.getByRole('button', { name: 'Expand namespace ns-3' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/expand=ns-3/);
  await expect(grouping.getByRole('button', { name: 'Collapse namespace ns-3' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => asked.some((a) => a.group === 'auto' && a.expand.join() === 'ns-3')).toBe(true);
  const members = answer.elements.nodes.filter((n) => n.data.kind === 'workload' && n.data.namespace === 'ns-3').length;
  await expect.poll(() => drawn(page)).toBeGreaterThan(collapsed + members / 2);
  await expectNoSeriousA11yIssues(page);

  // The deep link opens the same view.
  await page.reload();
  await page.getByTestId('topology-grouping').locator('summary').click();
  await expect(page.getByTestId('topology-grouping').getByRole('button', { name: 'Collapse namespace ns-3' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('topology-grouping').getByRole('button', { name: 'Collapse namespace ns-3' }).press('Enter');
  await expect(page).not.toHaveURL(/expand=/);
  await expect.poll(() => drawn(page)).toBe(collapsed);
});

test('a group shows its clusters and expands from its panel; a focused node opens its namespace', async ({ page }) => {
  await open(page, '?focus=nsgroup%3Ans-1');
  const panel = page.getByTestId('topology-side-panel');
  await expect(panel.getByTestId('topology-group-clusters').locator('li')).toHaveCount(10);
  await panel.getByRole('button', { name: 'Expand namespace ns-1' }).click();
  await expect(page).toHaveURL(/expand=ns-1/);
  await expect(page).not.toHaveURL(/focus=/);

  // A search hit inside a collapsed namespace opens it; collapsing selects the group again.
  const target = answer.elements.nodes.find((n) => n.data.kind === 'workload' && n.data.namespace === 'ns-5')!.data;
  await page.getByLabel('Find a node in the graph').fill(target.name);
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(panel).toContainText(target.name);
  await page.getByTestId('topology-grouping').locator('summary').click();
  await expect(page.getByTestId('topology-grouping').getByRole('button', { name: 'Collapse namespace ns-5' })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Collapse namespace ns-5' }).click();
  await expect(page).toHaveURL(/focus=nsgroup%3Ans-5/);
  await expect(panel).toContainText('By cluster');
});

test('while an expansion is fetched the last graph stays drawn with a loading note', async ({ page }) => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  await serve(page, [], (a) => (a.expand.length ? gate : undefined));
  await page.goto('/topology');
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
  const collapsed = await drawn(page);
  await page.getByTestId('topology-grouping').locator('summary').click();
  await page.getByTestId('topology-grouping').getByRole('button', { name: 'Expand namespace ns-2' }).click();
  await expect(page.getByTestId('topology-expanding')).toBeVisible();
  expect(await drawn(page)).toBe(collapsed);
  release();
  await expect(page.getByTestId('topology-expanding')).toHaveCount(0);
  await expect.poll(() => drawn(page)).toBeGreaterThan(collapsed);
});

test('grouping can be turned off: every node is drawn', async ({ page }) => {
  const asked: Asked[] = [];
  await open(page, '?group=off', asked);
  expect(asked[0]).toMatchObject({ group: 'off', expand: [] });
  await expect(page.getByTestId('topology-grouping')).toHaveAttribute('data-grouped', 'off');
  await expect(page.getByTestId('topology-stats')).not.toContainText('grouped by namespace');
  await page.getByTestId('topology-grouping').getByRole('combobox').selectOption('auto');
  await expect(page.getByTestId('topology-grouping')).toHaveAttribute('data-grouped', 'namespace');
});
