import { expect, test, type Page } from '@playwright/test';
import type { Topology } from '../lib/api/topology';
import { AGGREGATE_ABOVE_NODES } from '../lib/topology-view/aggregate';
import { expectNoSeriousA11yIssues } from './pages/fleet-checks';
import { topologyAnswer } from './bench/graph-fixture';

// A generated fleet of ~1,500 workloads in 10 clusters and 8 namespaces (the bench's fixture),
// served in place of the demo fleet's small graph: the page must open it grouped by namespace.
let answer: Topology;
let body = '';
test.beforeAll(() => {
  answer = topologyAnswer(1500);
  body = JSON.stringify({ data: answer, clusters: Object.fromEntries(Object.keys(answer.telemetry).map((c) => [c, { state: 'ok', dataAgeSeconds: 0 }])), revision: 1, generatedAt: new Date().toISOString() });
  expect(answer.stats.nodes).toBeGreaterThan(AGGREGATE_ABOVE_NODES);
});

async function open(page: Page, search: string) {
  await page.route('**/api/v1/topology?**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`/topology${search}`);
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
}
/** How many nodes the canvas draws, from the stats line ("drawn as N nodes"). */
async function drawn(page: Page): Promise<number> {
  const text = (await page.getByTestId('topology-stats').textContent()) ?? '';
  return Number(/drawn as (\d+) nodes/.exec(text)?.[1] ?? Number.NaN);
}

test('a large graph opens grouped by namespace; a namespace expands and collapses by keyboard, kept in the URL', async ({ page }) => {
  await open(page, '?graphType=workload');
  const grouping = page.getByTestId('topology-grouping');
  await expect(grouping).toHaveAttribute('data-grouped', 'namespace');
  await expect(page.getByTestId('topology-stats')).toContainText('grouped by namespace');
  const collapsed = await drawn(page);
  expect(collapsed).toBeLessThan(100);

  await grouping.locator('summary').click();
  const toggle = grouping.getByRole('button', { name: 'Expand namespace ns-3' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/expand=ns-3/);
  await expect(grouping.getByRole('button', { name: 'Collapse namespace ns-3' })).toHaveAttribute('aria-pressed', 'true');
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

test('grouping can be turned off: every node is drawn', async ({ page }) => {
  await open(page, '?group=off');
  await expect(page.getByTestId('topology-grouping')).toHaveAttribute('data-grouped', 'off');
  await expect(page.getByTestId('topology-stats')).not.toContainText('grouped by namespace');
  await page.getByTestId('topology-grouping').getByRole('combobox').selectOption('auto');
  await expect(page.getByTestId('topology-grouping')).toHaveAttribute('data-grouped', 'namespace');
});
