import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The overview's first live problem, once it names `cause`. A scenario before
 * the caller's may leave degraded services in the 1 m window: allow it to age
 * out. The page refreshes itself (events and polling); no reload needed.
 */
export async function firstProblemNames(page: Page, cause: RegExp, timeout = 100_000): Promise<Locator> {
  await page.goto('/');
  const first = page.getByTestId('problem-list').locator('li').first();
  await expect(first).toContainText(cause, { timeout });
  return first;
}
