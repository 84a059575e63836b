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

test('services list rows come from the fleet, one per mesh, filter through the URL and link to the detail', async ({ page }) => {
  const prod = clusters.filter((x) => x.mesh === 'prod');
  const staging = clusters.filter((x) => x.mesh === 'staging');
  await page.goto('/services?namespace=bookinfo');
  // reviews runs in every prod cluster and in staging: two services, prod's row first, staging's beside it.
  const reviews = page.getByTestId('service-row-bookinfo-reviews');
  await expect(reviews).toBeVisible();
  await expect(reviews).toHaveAttribute('data-mesh', 'prod');
  for (const c of prod) await expect(reviews.locator(`[data-cluster="${c.name}"]`)).toBeVisible();
  for (const c of staging) await expect(reviews.locator(`[data-cluster="${c.name}"]`)).toHaveCount(0);
  await expect(reviews.locator('[data-health="healthy"]').first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'services');

  await page.getByLabel('Search', { exact: true }).fill('review');
  await expect(page).toHaveURL(/[?&]q=review/);
  await expect(page.getByTestId('services-total')).toHaveText('2 services match');
  // The rows are virtual: staging's is in the DOM once the search leaves few rows.
  const stagingReviews = page.getByTestId('service-row-bookinfo-reviews-in-staging');
  await expect(stagingReviews.getByTestId('service-mesh')).toHaveText('mesh staging');
  for (const c of staging) await expect(stagingReviews.locator(`[data-cluster="${c.name}"]`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('services-total')).toHaveText('2 services match');
  await page.getByLabel('Mesh', { exact: true }).selectOption('staging');
  await expect(page).toHaveURL(/mesh=staging/);
  await expect(page.getByTestId('services-total')).toHaveText('1 service match');
  await page.getByLabel('Mesh', { exact: true }).selectOption('');
  await expect(page.getByTestId('services-total')).toHaveText('2 services match');

  await reviews.getByRole('link', { name: 'reviews' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('reviews');
  const summary = page.getByTestId('service-summary');
  await expect(summary).toContainText(`Service in ${prod.length} clusters of mesh prod`);
  const comparison = page.getByTestId('cluster-comparison');
  for (const c of prod) await expect(comparison.getByRole('columnheader', { name: c.name, exact: true })).toBeVisible();
  for (const c of staging) await expect(comparison.getByRole('columnheader', { name: c.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Requests per second per cluster' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Traffic split and applicable config' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Neighbours' })).toContainText('productpage');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'service-detail');

  await summary.getByRole('link', { name: `Also in mesh staging (${staging.length} cluster)` }).click();
  await expect(page).toHaveURL(/\/services\/bookinfo\/reviews\?mesh=staging$/);
  await expect(summary).toContainText(`Service in ${staging.length} cluster of mesh staging`);
  for (const c of staging) await expect(comparison.getByRole('columnheader', { name: c.name, exact: true })).toBeVisible();
  for (const c of prod) await expect(comparison.getByRole('columnheader', { name: c.name, exact: true })).toHaveCount(0);
  await expect(summary.getByRole('link', { name: `Also in mesh prod (${prod.length} clusters)` })).toBeVisible();
});

test('a service link that names a cluster lands in that cluster\'s mesh, with the cluster marked', async ({ page }) => {
  const stagingCluster = clusters.find((x) => x.mesh === 'staging')!;
  await page.goto(`/services/bookinfo/reviews?cluster=${encodeURIComponent(stagingCluster.name)}`);
  await expect(page.getByTestId('service-summary')).toHaveAttribute('data-mesh', 'staging');
  await expect(page.getByTestId('cluster-comparison').locator('th[data-highlighted]')).toHaveText(new RegExp(stagingCluster.name));
});

test('config page compares one object across clusters', async ({ page }) => {
  await page.goto('/config?kind=DestinationRule&object=networking.istio.io%2FDestinationRule%2Fbookinfo%2Freviews');
  await expect(page.getByTestId('config-compare-summary')).toHaveText(/Identical in all \d+ clusters|Differs across/);
  await expect(page.getByRole('table', { name: 'Config objects' })).toContainText('reviews');
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'config');
});

test('findings page filters through the URL and links each finding to its object', async ({ page }) => {
  // The Admiral sample's pods opt in with the sidecar.istio.io/inject annotation, which Istio deprecates for the label: IST0135 (Info).
  await page.goto('/findings?code=IST0135');
  const rows = page.getByTestId('findings-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code'))))).toEqual(new Set(['IST0135']));
  await expect(rows.first()).toContainText('sidecar.istio.io/inject');
  await expect(page.getByTestId('findings-total')).toHaveText(/\d+ findings? match/);
  // A level chip filters, and says so in the URL.
  const levels = page.getByTestId('finding-levels');
  await levels.getByRole('button', { name: /^Warning/ }).click();
  await expect(page).toHaveURL(/level=Warning/);
  await expect(page).toHaveURL(/code=IST0135/);
  await expect(page.getByText('No finding matches these filters')).toBeVisible();
  await levels.getByRole('button', { name: /^Warning/ }).click();
  await expect(page).not.toHaveURL(/level=/);
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'findings');
  // A pod's finding opens its cluster.
  await rows.first().getByRole('link', { name: /^Pod sample\// }).click();
  await expect(page).toHaveURL(/\/clusters\/[\w-]+$/);
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
  // productpage runs in both meshes: one hit each, prod's first.
  await expect(page.getByRole('option', { name: /productpage\.bookinfo service · mesh prod/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /productpage\.bookinfo service · mesh staging/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/services\/bookinfo\/productpage\?mesh=prod$/);
});
