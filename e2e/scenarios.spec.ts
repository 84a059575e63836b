import { expect, test } from '@playwright/test';
import { setScenario, simClusters } from './pages/sim-admin';
import { firstProblemNames } from './pages/overview-problems';

// Scenarios change the shared simulator: always switch back, even when a check fails.
test.afterEach(async () => {
  await setScenario('healthy');
});

test('healthy: the overview shows nothing broken now and no Error-level configuration finding', async ({ page, request }) => {
  test.setTimeout(200_000);
  // Service health has been judged from telemetry (not merely absent) before "nothing broken" means anything.
  await expect.poll(async () => {
    const body = (await (await request.get('/api/v1/signals/services')).json()) as { data?: { items?: Array<{ clusters: Array<{ health: { status: string } }> }> } };
    return (body.data?.items ?? []).some((s) => s.clusters.some((c) => c.health.status === 'healthy'));
  }, { timeout: 75_000 }).toBe(true);
  await page.goto('/');
  // A scenario run before this file (changes.spec's failover) stays in the 1 m window for a while.
  await expect(page.getByText('Nothing is broken now')).toBeVisible({ timeout: 100_000 });
  await expect(page.getByTestId('problem-list')).toHaveCount(0);
  const findings = page.getByTestId('standing-findings');
  await expect(page.getByRole('heading', { name: /Configuration findings/ })).toBeVisible();
  await expect(findings.locator('[data-level="Error"]')).toHaveCount(0);
});

test('failover: the first problem is reviews in the first cluster, one click from its page with that cluster marked', async ({ page }) => {
  test.setTimeout(150_000);
  const home = (await simClusters())[0]!.name;
  await setScenario('failover');

  // Telemetry is polled every 15 s over a 1 m window: allow a couple of cycles (and an earlier scenario to age out).
  const first = await firstProblemNames(page, new RegExp(`reviews\\.bookinfo is (failing|degraded) in ${home}`));
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/services/bookinfo/reviews\\?.*cluster=${home}`));
  await expect(page.locator('th[data-highlighted]')).toContainText(home);
  const cell = page.locator(`[data-cluster="${home}"][data-row="Health"] [data-health]`);
  await expect(cell).toHaveAttribute('data-health', /failure|degraded/, { timeout: 30_000 });

  await page.goto(`/topology?graphType=service&focus=${encodeURIComponent(`svc:${home}/bookinfo/reviews`)}`);
  await expect(page.getByTestId('topology-side-panel').locator('[data-health]').first()).toHaveAttribute('data-health', /failure|degraded/, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/failover-topology.png' });
});

test('cluster-down: the dead cluster gets a banner while the others stay usable', async ({ page }) => {
  test.setTimeout(150_000);
  const clusters = await simClusters();
  const dead = clusters[2]!.name;
  await setScenario('cluster-down');
  await page.goto('/services?namespace=bookinfo');
  await expect(page.getByTestId(`cluster-banner-${dead}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId(`cluster-banner-${dead}`)).not.toContainText(/\bok\b/);
  await expect(page.getByTestId('service-row-bookinfo-productpage')).toBeVisible();
  for (const c of clusters.filter((x) => x.name !== dead)) await expect(page.getByTestId(`cluster-banner-${c.name}`)).toHaveCount(0);
  // The first problem is the dead cluster, what istiod elsewhere reports about it folded in; one click to its page.
  const first = await firstProblemNames(page, new RegExp(`Cluster ${dead} is unreachable`));
  await expect(first).toContainText(/reports? it as/);
  await expect(page.getByTestId(`cluster-card-${dead}`).getByTestId('cluster-state')).not.toHaveText('ok');
  await expect(page.getByTestId(`cluster-card-${clusters[0]!.name}`).getByTestId('cluster-state')).toHaveText('ok');
  await page.screenshot({ path: 'test-results/screenshots/cluster-down-overview.png' });
});

test('error-spike: the first problem is details in the first cluster; the health filter finds it, in the server\'s error order', async ({ page }) => {
  test.setTimeout(200_000);
  const home = (await simClusters())[0]!.name;
  await setScenario('error-spike');
  const first = await firstProblemNames(page, new RegExp(`details\\.bookinfo is (failing|degraded) in ${home}`));
  await first.getByRole('link').first().click();
  await expect(page.locator(`[data-cluster="${home}"][data-row="Health"] [data-health]`)).toHaveAttribute('data-health', /failure|degraded/, { timeout: 30_000 });
  await page.goto('/services?health=degraded&sort=-errors');
  // The services list re-reads the server's telemetry join; wait for the spike to reach the 1 m window.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('service-row-bookinfo-details')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await expect(page.getByLabel('Health', { exact: true })).toHaveValue('degraded');
  await expect(page.getByLabel('Sort', { exact: true })).toHaveValue('-errors');
  // A scenario before this one may leave other services degraded within the window: the page must show the server's
  // order (its sort is tested at the API). Both move as the window slides, so compare them until they agree.
  await expect(async () => {
    const api = await page.request.get('/api/v1/services?health=degraded&sort=-errors&pageSize=5');
    const first = ((await api.json()) as { data: { items: Array<{ namespace: string; name: string }> } }).data.items[0]!;
    await page.reload();
    await expect(page.locator('[data-testid^="service-row-"]').first()).toHaveAttribute('data-testid', `service-row-${first.namespace}-${first.name}`, { timeout: 5_000 });
  }).toPass({ timeout: 40_000, intervals: [2_000] });
});
