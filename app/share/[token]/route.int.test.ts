/**
 * Opening a share link through the real route handler: the link works, and
 * no log line carries its token (whoever reads the logs could replay it).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempConfig } from '@/app/api/v1/route-test-support';
import { createShareLink, SHARE_COOKIE } from '@/server/access/share-links';
import { getAppRuntime, stopAppRuntime } from '@/server/runtime/app-runtime';
import { GET as meGet } from '@/app/api/v1/auth/me/route';
import { GET } from './route';

let cfg: ReturnType<typeof tempConfig>;
const lines: string[] = [];

beforeAll(() => {
  cfg = tempConfig('log: {level: info}\n');
  process.env.MESHGLASS_CONFIG = cfg.file;
  // Every log line of the runtime, as it would reach stdout.
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  (getAppRuntime() as { logger: pino.Logger }).logger = pino({ level: 'info' }, sink);
});

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  cfg?.remove();
});

const open = (token: string, headers: Record<string, string> = {}) => GET(new Request(`http://127.0.0.1/share/${token}`, { headers }), { params: Promise.resolve({ token }) });

describe('GET /share/{token}', () => {
  it('opens the link, and logs the link id but never its token', async () => {
    const { token, record } = await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: 600, key: getAppRuntime().access.current().keys.shareLinks });
    lines.length = 0;
    const res = await open(token);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SHARE_COOKIE}=`))?.split(';')[0] ?? '';
    // And the calls the link's cookie makes afterwards.
    expect((await meGet(new Request('http://127.0.0.1/api/v1/auth/me', { headers: { cookie } }))).status).toBe(200);
    const [, payload = '', signature = ''] = token.split('.');
    const text = lines.join('');
    for (const part of [token, payload, signature]) expect(text).not.toContain(part);
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.route === 'share.open');
    expect(line).toMatchObject({ audit: true, path: '/share/<redacted>', shareLink: record.id, status: 303 });
  });

  it('logs no token of a link it refuses', async () => {
    const { token } = await createShareLink({ workspace: 'pay', createdBy: 'olga', ttlSeconds: -5, key: getAppRuntime().access.current().keys.shareLinks });
    lines.length = 0;
    expect((await open(token)).status).toBe(410);
    expect(lines.join('')).not.toContain(token.split('.')[2]);
  });

  it.each([
    ['a malformed percent-encoding', '%zz', 400],
    ['something that is no token', 'not-a-token', 400],
  ])('answers %s with a clear page, not a 500', async (_what, token, status) => {
    const res = await open(token);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('share link');
    expect(html).not.toContain('<script');
  });
});
