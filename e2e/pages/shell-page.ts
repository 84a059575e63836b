import type { Locator, Page } from '@playwright/test';

/** The layout every page shares: navigation, search, theme toggle, sync footer. */
export class ShellPage {
  readonly nav: Locator;
  readonly themeToggle: Locator;
  readonly search: Locator;
  readonly syncState: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.themeToggle = page.getByTestId('theme-toggle');
    this.search = page.getByRole('searchbox', { name: /search clusters/i });
    this.syncState = page.getByTestId('fleet-sync-state');
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('dark'));
  }
}
