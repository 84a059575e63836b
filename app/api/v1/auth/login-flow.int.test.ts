/**
 * The OIDC login through the real login and callback route handlers and a
 * real OpenID provider on loopback: wherever returnTo points, the browser
 * ends on this app, and the callback never fails on it after spending the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '@/e2e/support/oidc-test-provider';
import { getAppRuntime } from '@/server/runtime/app-runtime';
import { beginLogin, LOGIN_COOKIE, oidcClient } from '@/server/access/oidc';
import { seal, unseal } from '@/server/access/sealed-token';
import { SESSION_COOKIE } from '@/server/access/session';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { tempConfig } from '../route-test-support';
import { GET as loginGet } from './login/route';
import { GET as callbackGet } from './callback/route';

const IDP_PORT = 3291;
const APP = 'http://127.0.0.1:3290';
const REDIRECT = `${APP}/api/v1/auth/callback`;

let idp: TestProvider;
let cfg: ReturnType<typeof tempConfig>;

beforeAll(async () => {
  idp = await startTestProvider({ port: IDP_PORT, clientId: 'meshglass', clientSecret: 'int-client-secret', redirectUri: REDIRECT });
  cfg = tempConfig(`log: {level: silent}
auth:
  mode: oidc
  secret: login-flow-test-secret-0123456789-abcdef
  oidc:
    issuer: ${idp.issuer}
    clientId: meshglass
    clientSecret: int-client-secret
    redirectUrl: ${REDIRECT}
    scopes: [openid, profile, groups]
    allowInsecureIssuer: true
`);
  process.env.MESHGLASS_CONFIG = cfg.file;
});

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  await idp?.stop();
  cfg?.remove();
});

/** Signs in at the provider (its dev login and consent forms) from its authorization URL; returns the callback URL with the code. */
async function signInAtProvider(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(REDIRECT)) return url;
    const res = await send(url);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${res.status}`);
    const prompt = html.includes('name="login"') ? 'login' : 'consent';
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: 'olga', password: 'any' } : { prompt });
    const posted = await send(new URL(action, url).href, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    url = new URL(posted.headers.get('location') ?? '', url).href;
  }
  throw new Error('the provider did not send the browser back');
}

const cookieValue = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0]?.slice(name.length + 1);

/** Login with a raw returnTo query value, sign in, and answer the callback with the login cookie. */
async function loginWith(rawReturnTo: string): Promise<Response> {
  const login = await loginGet(new Request(`${APP}/api/v1/auth/login?returnTo=${rawReturnTo}`));
  expect(login.status).toBe(302);
  const back = await signInAtProvider(login.headers.get('location') ?? '');
  return callbackGet(new Request(back, { headers: { cookie: `${LOGIN_COOKIE}=${cookieValue(login, LOGIN_COOKIE)}` } }));
}

describe('login returnTo', () => {
  it('goes back to a path on this app', async () => {
    const res = await loginWith(encodeURIComponent('/services?namespace=payments'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/services?namespace=payments');
    expect(cookieValue(res, SESSION_COOKIE)).toBeTruthy();
  });

  it.each(['/%09/evil.example/phish', '/%0a/evil.example/phish', '/%0d%0a/evil.example', '/%5C/evil.example', '%2F%2Fevil.example', 'https://evil.example/'])(
    'never leaves this app for returnTo=%s, and the callback still starts the session',
    async (raw) => {
      const res = await loginWith(raw);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
      expect(cookieValue(res, SESSION_COOKIE)).toBeTruthy();
    },
  );

  it('checks returnTo again at the callback, for a login cookie made before that check', async () => {
    const c = getAppRuntime().access.current();
    const oidc = c.auth.oidc!;
    const { url, cookie } = await beginLogin(oidc, await oidcClient(oidc, c.resolvePath), c.keys.session, '/');
    // The transaction as an older release sealed it, returnTo unchecked.
    const hostile = await seal({ ...(await unseal(cookie, c.keys.session, 'login')), r: '/\n/evil.example' }, c.keys.session, 'login', 600);
    const back = await signInAtProvider(url.href);
    const res = await callbackGet(new Request(back, { headers: { cookie: `${LOGIN_COOKIE}=${encodeURIComponent(hostile)}` } }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
  });
});
