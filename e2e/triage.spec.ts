import { expect, test, type Page } from '@playwright/test';
import { setScenario, simClusters } from './pages/sim-admin';

// Each scenario changes the shared simulator: always switch back, even when a check fails.
test.afterEach(async () => {
  await setScenario('healthy');
});

/** The overview's first live problem. A scenario before this one may leave degraded services in the 1 m window: allow it to age out. */
async function firstProblemNames(page: Page, cause: RegExp) {
  await page.goto('/');
  const first = page.getByTestId('problem-list').locator('li').first();
  await expect(first).toContainText(cause, { timeout: 100_000 });
  return first;
}

test('missing-eastwest-address: the first problem names the unreachable cluster and links to its gateway', async ({ page }) => {
  test.setTimeout(150_000);
  const target = (await simClusters())[1]!.name;
  await setScenario('missing-eastwest-address');
  const first = await firstProblemNames(page, new RegExp(`Other clusters cannot reach ${target}`));
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/clusters#networks-heading$/);
  await expect(page.getByRole('table', { name: 'Networks' }).getByRole('row').filter({ hasText: `${target}/istio-system/istio-eastwestgateway` })).toContainText('no address');
});

test('split-trust: the first problem names the odd cluster and links to the roots of trust', async ({ page }) => {
  test.setTimeout(150_000);
  const odd = (await simClusters())[2]!.name;
  await setScenario('split-trust');
  const first = await firstProblemNames(page, new RegExp(`Mesh prod has 2 different root certificates: ${odd} differs`));
  await first.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Roots of trust' })).toBeVisible();
  await expect(page.getByText(/2 different root certificates/)).toBeVisible();
});

test('token-expired: the first problem is the unauthorized cluster, one click from its page', async ({ page }) => {
  test.setTimeout(150_000);
  const clusters = await simClusters();
  const last = clusters[clusters.length - 1]!.name;
  await setScenario('token-expired');
  const first = await firstProblemNames(page, new RegExp(`Cluster ${last} is unauthorized`));
  await first.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last);
  await expect(page.getByTestId('cluster-connection-state')).toHaveText('unauthorized');
});

test('stale-proxies: the first problem names the cluster, and the proxy problem lands on its STALE proxies', async ({ page }) => {
  test.setTimeout(150_000);
  const home = (await simClusters())[0]!.name;
  await setScenario('stale-proxies');
  const first = await firstProblemNames(page, new RegExp(`in ${home}`));
  await expect(first).toContainText('not in sync');
  await page.getByTestId('problem-list').getByRole('link', { name: new RegExp(`proxies not in sync in ${home}`) }).click();
  await expect(page.getByRole('table', { name: `Proxies in ${home}` }).locator('tr[data-overall="STALE"]')).toHaveCount(2);
});

test('version-skew: the skewed proxies are a problem that lands on their versions', async ({ page }) => {
  test.setTimeout(150_000);
  const third = (await simClusters())[2]!.name;
  await setScenario('version-skew');
  const first = await firstProblemNames(page, /skew/);
  await expect(first).toHaveAttribute('data-kind', 'control-plane');
  await page.getByTestId('problem-list').getByRole('link', { name: `Proxies in ${third} run outside the supported version skew` }).click();
  await expect(page.getByRole('table', { name: `Proxies in ${third}` })).toContainText('1.28.10');
});
