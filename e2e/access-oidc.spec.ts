/**
 * Login, logout and session expiry through a real OpenID provider in
 * Chromium, against a second `next start` in auth mode oidc (the other specs
 * keep the anonymous server of the global setup). Also: the pages run under
 * the nonce CSP without violations, and no token reaches the browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startNextServer, type NextServer } from './support/next-server';
import { startTestProvider, type TestProvider } from './support/oidc-test-provider';

const NEXT_PORT = Number(process.env.E2E_OIDC_APP_PORT ?? 3231);
const IDP_PORT = Number(process.env.E2E_OIDC_IDP_PORT ?? 3232);
const APP = `http://127.0.0.1:${NEXT_PORT}`;
const SESSION_SECONDS = 20;

let idp: TestProvider;
let app: NextServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = path.resolve('.meshglass/e2e-oidc');
  mkdirSync(dir, { recursive: true });
  const redirectUrl = `${APP}/api/v1/auth/callback`;
  idp = await startTestProvider({ port: IDP_PORT, clientId: 'meshglass', clientSecret: 'e2e-client-secret', redirectUri: redirectUrl });
  const configFile = path.join(dir, 'meshglass.yaml');
  writeFileSync(
    configFile,
    `log: {level: warn}
auth:
  mode: oidc
  secret: e2e-session-secret-0123456789-abcdefghijklmnop
  oidc:
    issuer: ${idp.issuer}
    clientId: meshglass
    clientSecret: e2e-client-secret
    redirectUrl: ${redirectUrl}
    scopes: [openid, profile, groups]
    sessionMaxAgeSeconds: ${SESSION_SECONDS}
    allowInsecureIssuer: true
workspaces:
  - {name: pay, selectors: [us-east-1/payments]}
bindings:
  - {groups: [ops], role: operator, workspaces: [pay]}
`,
  );
  try {
    app = await startNextServer({ port: NEXT_PORT, configFile, logFile: path.join(dir, 'next.log') });
  } catch (err) {
    await idp.stop();
    throw err;
  }
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

/**
 * GET /api/v1/auth/me with the browser's own cookies, through the context's
 * request API: from inside the page it raced the page's own 401 handling,
 * which navigates to the login and destroys the evaluation.
 */
const me = async (page: Page) => {
  const r = await page.context().request.get(`${APP}/api/v1/auth/me`, { maxRedirects: 0 });
  return { status: r.status(), text: await r.text() };
};

async function login(page: Page, user: string): Promise<void> {
  await page.goto(`${APP}/api/v1/auth/login?returnTo=/services`);
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${APP}/services`);
}

test('an unauthenticated API call is refused with 401', async ({ request }) => {
  const res = await request.get(`${APP}/api/v1/services`);
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('unauthenticated');
});

test('logs in through the provider, holds no token in the page, and logs out', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await login(page, 'olga');
  const who = await me(page);
  expect(who.status).toBe(200);
  const body = JSON.parse(who.text);
  expect(body).toMatchObject({ authenticated: true, user: 'olga', role: 'operator', groups: ['ops'] });
  // Only what bindings need: no provider token, no session cookie in reach of scripts.
  expect(who.text).not.toMatch(/eyJ|access_token|id_token|refresh_token/);
  expect(await page.evaluate(() => document.cookie)).not.toContain('mg_session');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'mg_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(violations).toEqual([]);

  // Logout needs the CSRF token: without it 403, with it the session ends.
  const refused = await page.evaluate(async () => (await fetch('/api/v1/auth/logout', { method: 'POST' })).status);
  expect(refused).toBe(403);
  const out = await page.evaluate(async (token) => (await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': token } })).status, body.csrfToken as string);
  expect(out).toBe(200);
  expect((await me(page)).status).toBe(401);
});

test('a tampered session cookie is refused', async ({ page }) => {
  await login(page, 'olga');
  const ctx = page.context();
  const c = (await ctx.cookies()).find((x) => x.name === 'mg_session');
  expect(c).toBeDefined();
  const v = c!.value;
  await ctx.addCookies([{ ...c!, value: `${v.slice(0, -6)}${v.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}` }]);
  expect((await me(page)).status).toBe(401);
});

test('the session expires', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'olga');
  expect((await me(page)).status).toBe(200);
  await page.waitForTimeout((SESSION_SECONDS + 2) * 1000);
  expect((await me(page)).status).toBe(401);
});

test('pages carry a nonce CSP and render without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await login(page, 'olga');
  const res = await page.goto(`${APP}/`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res?.headers()['x-content-type-options']).toBe('nosniff');
  await page.waitForLoadState('networkidle');
  // Hydrated: React attached its root, which needs the inline scripts Next rendered with the nonce.
  expect(await page.evaluate(() => Object.keys(document.getElementById('__next') ?? document.body).some((k) => k.startsWith('__react')) || !!document.querySelector('[data-nextjs-scroll-focus-boundary], main'))).toBe(true);
  expect(violations).toEqual([]);
});
