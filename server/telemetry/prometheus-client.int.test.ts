import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromQueryError, queryInstant, queryRange, type PromEndpoint } from './prometheus-client';

// A loopback stand-in that answers like Prometheus' HTTP API, to test the client's error paths.
let server: http.Server;
let base: string;
const seen: Array<{ url: string; auth?: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    if (q === 'slow') return void setTimeout(() => res.end('{}'), 2_000);
    if (q === 'denied') return void res.writeHead(401).end('no');
    if (q === 'html') return void res.writeHead(502).end('<html>bad gateway</html>');
    if (q === 'bad') return void res.writeHead(400).end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }));
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/api/v1/query_range')) {
      return void res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { a: '1' }, values: [[1, '2'], [2, 'NaN']] }] } }));
    }
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1, '2.5'] }, { metric: { a: '2' }, value: [1, 'NaN'] }] } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const endpoint = (over: Partial<PromEndpoint> = {}): PromEndpoint => ({ url: base, headers: { authorization: 'Bearer t0k' }, timeoutMs: 500, ...over });

describe('Prometheus client', () => {
  it('parses an instant vector, drops NaN and sends the credentials', async () => {
    expect(await queryInstant(endpoint(), 'up')).toEqual([{ metric: { a: '1' }, value: 2.5 }]);
    expect(seen.at(-1)?.auth).toBe('Bearer t0k');
  });

  it('parses a range matrix', async () => {
    expect(await queryRange(endpoint(), 'up', 1, 2, 1)).toEqual([{ metric: { a: '1' }, values: [[1, 2]] }]);
  });

  it.each([
    ['slow', 'timeout'],
    ['denied', 'unauthorized'],
    ['html', 'http'],
    ['bad', 'bad_query'],
  ])('reports %s as %s', async (query, kind) => {
    const err = await queryInstant(endpoint(), query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PromQueryError);
    expect((err as PromQueryError).kind).toBe(kind);
  });

  it('reports a closed port as unreachable', async () => {
    const err = await queryInstant(endpoint({ url: 'http://127.0.0.1:1' }), 'up').catch((e: unknown) => e);
    expect((err as PromQueryError).kind).toBe('unreachable');
  });
});
