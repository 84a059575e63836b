import { expect, test, type Page } from '@playwright/test';
import { demoFleet } from '../server/sim/fleet/demo-fleet';
import { recordApi, WorkspacesPage } from './pages/workspaces-page';

// The e2e config's workspaces (server/scripts/demo-fleet.ts) over the simulator's own data.
const fleet = demoFleet();
const clustersWithServicesIn = (ns: string) => [...new Set(fleet.services.filter((s) => s.namespace === ns).flatMap((s) => s.clusters))].filter((c) => !c.endsWith('-restricted')).sort();
const servicesIn = (ns: string) => [...new Set(fleet.services.filter((s) => s.namespace === ns).map((s) => s.name))].sort();
// Services merge within one mesh only: bookinfo/details in prod and in staging are two rows.
const meshOf = new Map(fleet.clusters.map((c) => [c.name, c.mesh]));
const serviceRowsIn = (ns: string) => new Set(fleet.services.filter((s) => s.namespace === ns).flatMap((s) => s.clusters.filter((c) => !c.endsWith('-restricted')).map((c) => `${meshOf.get(c)}/${s.name}`))).size;
// Names that exist only outside the bookinfo workspace: none may reach its share link's browser.
const OUTSIDE_BOOKINFO = ['payments', 'checkout', 'ledger-db', 'helloworld', '"sleep'];

const shot = async (page: Page, name: string) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
};

test('lists the configured workspaces with what their selectors match in the simulated fleet', async ({ page }) => {
  const ws = new WorkspacesPage(page);
  await ws.goto();
  await expect(ws.cards).toHaveCount(3);
  for (const [name, ns] of [['bookinfo', 'bookinfo'], ['payments', 'payments']] as const) {
    const card = ws.card(name);
    await expect(card.getByText(`*/${ns}`, { exact: true })).toBeVisible();
    await expect(card.locator('header')).toContainText('your role: admin');
    await expect(card.getByTestId('service-count')).toHaveText(`${serviceRowsIn(ns)} service${serviceRowsIn(ns) === 1 ? '' : 's'}`);
    const matches = await ws.matches(card);
    const withNs = Object.entries(matches).filter(([, v]) => v === ns).map(([c]) => c).sort();
    expect(withNs, `${name}: clusters with ${ns}`).toEqual(clustersWithServicesIn(ns));
  }
  await expect(ws.card('platform').getByText('Mesh infrastructure')).toBeVisible();
  await shot(page, 'workspaces-list');
});

test('a share link shows its stakeholder one workspace and nothing outside, until it is revoked', async ({ page, browser }) => {
  const ws = new WorkspacesPage(page);
  await ws.goto('bookinfo');
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace bookinfo' })).toBeVisible();
  const url = await ws.createShareLink('bookinfo');
  expect(url).toMatch(/\/share\/[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(ws.shareLinkRows).not.toHaveCount(0);
  await shot(page, 'workspace-bookinfo-admin');
  // The page scrolls inside the shell, so the panel gets its own picture.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('region', { name: 'Share links' }).screenshot({ path: `test-results/screenshots/share-links-panel-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A stakeholder: a fresh browser with no cookies opens the link and lands on the workspace.
  const stranger = await browser.newContext();
  const sp = await stranger.newPage();
  const seen = recordApi(sp);
  const other = new WorkspacesPage(sp);
  await sp.goto(url);
  await expect(sp).toHaveURL(/\/workspaces\?workspace=bookinfo$/);
  await expect(other.sharedNote).toBeVisible();
  const table = other.servicesTable('bookinfo');
  for (const name of servicesIn('bookinfo')) await expect(table.getByRole('link', { name, exact: true }).first()).toBeVisible();
  await expect(sp.getByRole('button', { name: /Create share link/ })).toHaveCount(0);
  await shot(sp, 'workspace-bookinfo-shared');

  await sp.getByRole('link', { name: 'Open the topology of bookinfo' }).click();
  await expect(sp).toHaveURL(/\/topology\?.*namespaces=bookinfo/);
  await expect.poll(() => seen.some((r) => r.url.includes('/api/v1/topology') && r.status === 200 && r.body.includes('productpage')), { timeout: 30_000 }).toBe(true);
  const topology = seen.find((r) => r.url.includes('/api/v1/topology') && r.status === 200)!;
  expect(topology.body).toContain('outside-your-workspaces');
  await expect(sp.getByTestId('topology-canvas').locator('canvas').first()).toBeVisible();
  await sp.waitForTimeout(1500); // let the layout settle for the screenshot
  await shot(sp, 'topology-bookinfo-shared');

  await sp.goto('/services');
  await expect(sp.getByTestId('service-row-bookinfo-productpage').getByRole('link', { name: 'productpage', exact: true })).toBeVisible();
  for (const r of seen) for (const t of OUTSIDE_BOOKINFO) expect(r.body, `${r.url} (${r.status}) mentions ${t}`).not.toContain(t);
  await expect(sp.locator('body')).not.toContainText('payments');

  // Revoked: the link no longer opens, and the cookie it left stops working.
  await page.getByRole('button', { name: /^Revoke the bookinfo link/ }).first().click();
  await expect(ws.shareLinkRows).toHaveCount(0);
  const reopened = await (await browser.newContext()).newPage();
  expect((await reopened.goto(url))?.status()).toBe(410);
  expect((await sp.request.get('/api/v1/workspaces')).status()).toBe(401);
  await stranger.close();
});

// The default stack is anonymous (no 401, no user): these answers stand in for oidc mode's.
const OIDC_USER = {
  authenticated: true, mode: 'oidc', kind: 'user', user: 'olga', name: 'Olga Operator', groups: ['ops'], role: 'operator',
  capabilities: { allWorkspaces: false, configSpecs: true, proxies: true, shareLinks: true, settings: false }, csrfToken: 'token',
};
const UNAUTHENTICATED = { status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unauthenticated', message: 'not logged in, or the session expired' } }) };

test('a signed-in user sees their name and Sign out; an expired session goes to the login once', async ({ page }) => {
  await page.route('**/api/v1/auth/me', (r) => r.fulfill({ json: OIDC_USER }));
  await new WorkspacesPage(page).goto();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as Olga Operator');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/header-signed-in-light.png', clip: { x: 0, y: 0, width: 1280, height: 60 } });

  await page.route('**/api/v1/workspaces', (r) => r.fulfill(UNAUTHENTICATED));
  await page.route('**/api/v1/auth/login?**', (r) => r.fulfill({ contentType: 'text/html', body: '<h1>provider login</h1>' }));
  await page.goto('/workspaces?workspace=bookinfo');
  await page.waitForURL('**/api/v1/auth/login?**');
  expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/workspaces?workspace=bookinfo');

  // Back from a login that did not help: no second redirect within the guard, the reason is shown instead.
  await page.goto('/workspaces');
  await expect(page.getByRole('alert').filter({ hasText: 'session expired' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/workspaces');
});

test('anonymous callers get no user menu', async ({ page }) => {
  await new WorkspacesPage(page).goto();
  await expect(page.getByTestId('workspace-card').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
