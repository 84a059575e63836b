/**
 * The services page of a dashboard with telemetry off (issue 22, defect 4):
 * a second `next start` reads the same simulated fleet with
 * `telemetry.mode: none`, and rate, errors and p95 say "—", not 0/s and 0%.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { startNextServer, type NextServer } from './support/next-server';

const PORT = Number(process.env.E2E_TELEMETRY_OFF_PORT ?? 3233);
const APP = `http://127.0.0.1:${PORT}`;
let app: NextServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = path.resolve('.meshglass/e2e-telemetry-off');
  mkdirSync(dir, { recursive: true });
  // The global setup's config: same kubeconfig, same fleet; only telemetry differs.
  const config = parse(readFileSync(path.resolve('.meshglass/e2e/meshglass.yaml'), 'utf8')) as Record<string, unknown>;
  config.telemetry = { mode: 'none' };
  const configFile = path.join(dir, 'meshglass.yaml');
  writeFileSync(configFile, stringify(config));
  app = await startNextServer({ port: PORT, configFile, logFile: path.join(dir, 'next.log') });
});

test.afterAll(async () => {
  await app?.stop();
});

test('services show "—" for rate, errors and p95 when telemetry is off', async ({ page }) => {
  await page.goto(`${APP}/services?namespace=bookinfo`);
  const reviews = page.getByTestId('service-row-bookinfo-reviews');
  await expect(reviews.locator('[data-cluster]').first()).toBeVisible();
  const cells = reviews.getByRole('cell');
  // name, clusters, data plane, endpoints, rate, errors, p95
  await expect(cells.nth(3)).toHaveText(/^[1-9]\d*/);
  for (const i of [4, 5, 6]) await expect(cells.nth(i)).toHaveText('—');
  await expect(page.getByText(/\b0(\.0)?\/s\b/)).toHaveCount(0);
  await expect(page.getByText(/^0(\.0+)?%$/)).toHaveCount(0);
});
