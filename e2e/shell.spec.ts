import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell-page';

const SECTIONS = [
  ['Overview', '/'],
  ['Clusters', '/clusters'],
  ['Services', '/services'],
  ['Topology', '/topology'],
  ['Findings', '/findings'],
  ['Config', '/config'],
  ['Workspaces', '/workspaces'],
] as const;

test('the shell navigates between every section', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto('/');
  await expect(page.getByRole('link', { name: 'Meshglass' })).toBeVisible();
  for (const [label, path] of SECTIONS) {
    await shell.navLink(label).click();
    await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}$`));
    await expect(shell.navLink(label)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(shell.syncState).not.toHaveText(/Connecting/);
});

test('the theme follows the system and the toggle overrides it across reloads', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const shell = new ShellPage(page);
  await shell.goto('/');
  expect(await shell.isDark()).toBe(true);
  await expect(shell.themeToggle).toHaveAttribute('data-theme-choice', 'system');

  await shell.themeToggle.click();
  await expect(shell.themeToggle).toHaveAttribute('data-theme-choice', 'light');
  expect(await shell.isDark()).toBe(false);

  await shell.themeToggle.click();
  await expect(shell.themeToggle).toHaveAttribute('data-theme-choice', 'dark');
  expect(await shell.isDark()).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/shell-dark.png', fullPage: true });

  await page.reload();
  expect(await shell.isDark()).toBe(true);
  await expect(shell.themeToggle).toHaveAttribute('data-theme-choice', 'dark');
  await context.close();
});

test('slash and Ctrl-K focus the global search', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto('/clusters');
  await page.locator('main').click();
  await page.keyboard.press('/');
  await expect(shell.search).toBeFocused();
  await page.locator('main').click();
  await page.keyboard.press('Control+k');
  await expect(shell.search).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/shell-light.png', fullPage: true });
});

test('an unknown address shows the not-found page inside the shell', async ({ page }) => {
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  await expect(page.getByText('Nothing here')).toBeVisible();
  await expect(new ShellPage(page).nav).toBeVisible();
});
