import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, screenshotBothThemes } from './pages/fleet-checks';
import { simClusters, type SimCluster } from './pages/sim-admin';

// Each page is loaded once: data checks, axe and screenshots share the load.
let clusters: SimCluster[] = [];
test.beforeAll(async () => {
  clusters = await simClusters();
  expect(clusters.length).toBeGreaterThan(1);
});

test('overview shows every simulated mesh and cluster with its state, and the counts', async ({ page }) => {
  await page.goto('/');
  for (const mesh of new Set(clusters.map((c) => c.mesh))) await expect(page.getByTestId(`mesh-card-${mesh}`)).toBeVisible();
  for (const c of clusters) {
    const card = page.getByTestId(`mesh-card-${c.mesh}`).getByTestId(`cluster-card-${c.name}`);
    await expect(card.getByTestId('cluster-state')).toHaveText('ok');
    await expect(card).toContainText(c.network);
  }
  await expect(page.getByTestId('count-clusters')).toHaveText(String(clusters.length));
  await expect(page.getByTestId('count-services')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('cluster-state-counts')).toHaveText(`${clusters.length} ok`);
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'overview');
});

test('clusters page lists every cluster with control plane, root and gateway; detail shows proxy sync', async ({ page }) => {
  await page.goto('/clusters');
  for (const c of clusters) {
    const row = page.getByTestId(`cluster-row-${c.name}`);
    await expect(row).toContainText(c.mesh);
    await expect(row).toContainText(c.network);
  }
  for (const mesh of new Set(clusters.map((c) => c.mesh))) await expect(page.getByTestId(`trust-${mesh}`)).toContainText('every cluster shares one root certificate');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'clusters');

  const first = clusters[0]!;
  await page.getByRole('link', { name: first.name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
  await expect(page.getByTestId('cluster-connection-state')).toHaveText('ok');
  await expect(page.getByRole('table', { name: `Proxies in ${first.name}` }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /Clusters istiod .* discovers/ }).first()).toContainText('synced');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'cluster-detail');
});

test('services list rows come from the fleet, filter through the URL and link to the detail', async ({ page }) => {
  await page.goto('/services');
  const reviews = page.getByTestId('service-row-bookinfo-reviews');
  await expect(reviews).toBeVisible();
  // reviews runs in every prod cluster of the demo fleet
  for (const c of clusters.filter((x) => x.mesh === 'prod')) await expect(reviews.locator(`[data-cluster="${c.name}"]`)).toBeVisible();
  await expect(reviews.locator('[data-health="healthy"]').first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'services');

  await page.getByLabel('Search', { exact: true }).fill('review');
  await expect(page).toHaveURL(/\?q=review/);
  await expect(page.getByTestId('services-total')).toHaveText('1 service match');
  await page.reload();
  await expect(page.getByTestId('services-total')).toHaveText('1 service match');

  await reviews.getByRole('link', { name: 'reviews' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('reviews');
  const comparison = page.getByTestId('cluster-comparison');
  for (const c of clusters.filter((x) => x.mesh === 'prod')) await expect(comparison.getByRole('columnheader', { name: c.name, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Requests per second per cluster' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Traffic split and applicable config' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Neighbours' })).toContainText('productpage');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'service-detail');
});

test('config page compares one object across clusters', async ({ page }) => {
  await page.goto('/config?kind=DestinationRule&object=networking.istio.io%2FDestinationRule%2Fbookinfo%2Freviews');
  await expect(page.getByTestId('config-compare-summary')).toHaveText(/Identical in all \d+ clusters|Differs across/);
  await expect(page.getByRole('table', { name: 'Config objects' })).toContainText('reviews');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'config');
});

test('topology draws the fleet, keeps options in the URL and opens a node panel', async ({ page }) => {
  await page.goto('/topology?graphType=service&label=p95');
  await expect(page.getByTestId('topology-stats')).toContainText(`in ${clusters.length} clusters`);
  await expect(page.getByTestId('topology-canvas').locator('canvas').first()).toBeVisible();
  await page.getByLabel('Find a node in the graph').fill('productpage');
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(page).toHaveURL(/focus=svc/);
  await expect(page.getByTestId('topology-side-panel')).toContainText('productpage');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'topology');
});

test('global search finds a service and jumps to it by keyboard', async ({ page }) => {
  await page.goto('/clusters');
  await page.locator('main').click();
  await page.keyboard.press('/');
  await page.keyboard.type('productpage');
  await expect(page.getByRole('option', { name: /productpage\.bookinfo/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/services\/bookinfo\/productpage$/);
});
