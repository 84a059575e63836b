/**
 * Paths the API cannot serve answer like the API: JSON problems with its
 * headers and an audit line. Unknown paths are a 404 for every method; a
 * path segment that is not valid percent-encoding is a 400 naming it.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@/lib/api/envelope';
import { tempConfig } from '@/app/api/v1/route-test-support';
import { answerUnroutable } from '@/server/http/api-route';
import { getAppRuntime, stopAppRuntime } from '@/server/runtime/app-runtime';
import { GET as serviceGet } from '../services/[namespace]/[name]/route';
import * as unknownRoute from './route';

let cfg: ReturnType<typeof tempConfig>;
const lines: Array<Record<string, unknown>> = [];

beforeAll(() => {
  cfg = tempConfig('log: {level: info}\n');
  process.env.MESHGLASS_CONFIG = cfg.file;
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) });
  (getAppRuntime() as { logger: pino.Logger }).logger = pino({ level: 'info' }, sink);
});
beforeEach(() => {
  lines.length = 0;
});
afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  cfg?.remove();
});

/** The API's answer shape: a JSON problem, its security headers, a request id, and one audit line. */
async function expectApiProblem(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const body = apiErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(lines.filter((l) => l.audit === true && l.status === status)).toHaveLength(1);
  return body.error.message;
}

describe('an unknown /api/v1 path', () => {
  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
  it.each(methods)('answers %s with a JSON 404', async (method) => {
    const handler = unknownRoute[method];
    const res = await handler(new Request('http://127.0.0.1/api/v1/no-such-thing/x', { method }), { params: Promise.resolve({ unknown: ['no-such-thing', 'x'] }) });
    const message = await expectApiProblem(res, 404, 'not_found');
    expect(message).toContain('/api/v1/no-such-thing/x');
  });
});

describe('a malformed percent-encoding in the path', () => {
  it('is a 400 naming the segment, from any API route', async () => {
    // As if Next had handed the raw segment through: the wrapper checks the path itself.
    const res = await serviceGet(new Request('http://127.0.0.1/api/v1/services/%zz/x'), { params: Promise.resolve({ namespace: '%zz', name: 'x' }) });
    const message = await expectApiProblem(res, 400, 'bad_path');
    expect(message).toContain('"%zz"');
  });

  it('is a 400 from the answer proxy.ts gives to paths Next cannot route', async () => {
    const message = await expectApiProblem(await answerUnroutable(new Request('http://127.0.0.1/api/v1/services/%zz/x', { method: 'POST' })), 400, 'bad_path');
    expect(message).toContain('"%zz"');
    // A truncated UTF-8 sequence is malformed too.
    lines.length = 0;
    await expectApiProblem(await answerUnroutable(new Request('http://127.0.0.1/api/v1/clusters/%E0%A4%A')), 400, 'bad_path');
  });
});
