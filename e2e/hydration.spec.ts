/**
 * Every page loads without a React error: a hydration mismatch (minified
 * error #418) means the server rendered something the browser did not, and
 * React then throws the server's HTML away. The one found: a page segment
 * hydrates after the layout, whose queries (the clusters list) may already
 * have answered, and rendered that data where the server had a skeleton.
 * It depended on timing (3 loads in 24 before the fix), so CI loads each
 * page in another locale and time zone than the server's too.
 */
import { expect, test } from '@playwright/test';

// The browser in another locale and time zone than the server: text formatted from dates or numbers differs.
test.use({ locale: 'de-DE', timezoneId: 'Asia/Tokyo', colorScheme: 'dark' });

const PAGES = ['/', '/clusters', '/clusters/us-east-1', '/services', '/services/bookinfo/reviews', '/topology', '/findings', '/config', '/workspaces'];

for (const path of PAGES) {
  test(`${path} hydrates without a React error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Minified React error|hydrat/i.test(m.text())) errors.push(m.text());
    });
    const res = await page.goto(path);
    expect(res?.status()).toBeLessThan(400);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}
