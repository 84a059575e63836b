/**
 * What every page answers, in Chromium against `next start`: no CSP
 * violation while it loads and renders (zod's eval probe, cytoscape's
 * injected <style> were two), a Cache-Control that keeps shared caches out,
 * and a public /readyz that says counts only.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGES = ['/', '/clusters', '/services', '/topology', '/config', '/workspaces'];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every securitypolicyviolation from the first script on, and CSP console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return fromConsole;
}

for (const path of PAGES) {
  test(`${path} loads without CSP violations and is not cacheable by shared caches`, async ({ page }) => {
    const fromConsole = await watchViolations(page);
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const cacheControl = res?.headers()['cache-control'] ?? '';
    expect.soft(cacheControl).toMatch(/\bprivate\b/);
    expect.soft(cacheControl).toMatch(/\bno-store\b/);
    expect.soft(cacheControl).not.toMatch(/s-maxage/);
    await page.waitForLoadState('networkidle');
    // Rendering the graph is when cytoscape adds its stylesheet.
    if (path === '/topology') await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-rendered', /\d+/, { timeout: 30_000 });
    const events = await page.evaluate(() => window.__cspViolations ?? []);
    expect(events).toEqual([]);
    expect(fromConsole).toEqual([]);
  });
}

test('a client-side navigation answer (RSC) is not cacheable by shared caches either', async ({ request }) => {
  const res = await request.get('/services', { headers: { rsc: '1' } });
  expect(res.headers()['cache-control'] ?? '').toMatch(/\bno-store\b/);
  expect(res.headers()['cache-control'] ?? '').not.toMatch(/s-maxage/);
});

test('/api/v1/readyz says ready with counts, no cluster names', async ({ request }) => {
  const res = await request.get('/api/v1/readyz');
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['pending', 'ready', 'status', 'total', 'tried']);
  expect(body).toMatchObject({ status: 'ready', ready: true, pending: 0 });
});

// Next's router throws on a path it cannot decode and answers a bare 500 before any route runs; the proxy refuses it first.
test('a path that is not valid percent-encoding is a 400 with the security headers, not a 500', async ({ request }) => {
  for (const [path, type] of [['/api/v1/services/%zz/x', 'application/json'], ['/share/%zz', 'text/html'], ['/clusters/%E0%A4%A', 'text/html']] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()['content-type'], path).toContain(type);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(await res.text(), path).toContain('is not valid percent-encoding');
  }
  const api = await request.get('/api/v1/services/%zz/x');
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('bad_path');
});
