/**
 * The change history in Chromium: a scenario's config change shows up on the
 * fleet timeline, opens as a diff, and is a marker on the service's charts in
 * the cluster where it happened.
 */
import { expect, test } from '@playwright/test';
import { setScenario, simClusters } from './pages/sim-admin';
import { expectNoSeriousA11yIssues, screenshotBothThemes } from './pages/fleet-checks';

test.afterEach(async () => {
  await setScenario('healthy');
});

test('failover\'s DestinationRule change is on the timeline, as a diff, and as a marker on the reviews charts', async ({ page }) => {
  test.setTimeout(120_000);
  const home = (await simClusters())[0]!.name;
  await setScenario('failover');

  await page.goto(`/changes?cluster=${encodeURIComponent(home)}&category=config&window=15m`);
  const row = page.getByTestId('change-row').filter({ hasText: 'reviews' }).filter({ hasText: 'DestinationRule' }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toHaveAttribute('data-cluster', home);
  await expect(page.getByRole('img', { name: /Changes per time bucket/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshotBothThemes(page, 'changes');

  await row.getByRole('link', { name: /outlierDetection|changed/ }).first().click();
  await expect(page).toHaveURL(/\/changes\/\d+$/);
  await expect(page.getByTestId('change-facts')).toContainText(home);
  await expect(page.getByRole('table', { name: 'Changed fields' })).toContainText('outlierDetection');

  await page.goto('/services/bookinfo/reviews');
  await expect(page.getByRole('heading', { name: 'Recent changes' })).toBeVisible();
  await expect(page.getByTestId('change-marker').and(page.locator(`[data-cluster="${home}"]`)).first()).toBeAttached({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/changes-service-markers.png', fullPage: true });
});
