import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { arrivals, openLoop } from './open-loop';

describe('arrivals', () => {
  it('is a seeded Poisson schedule: same seed same times, about rate x seconds, inside the window, increasing', () => {
    const a = arrivals(100, 20, 7);
    expect(arrivals(100, 20, 7)).toEqual(a);
    expect(arrivals(100, 20, 8)).not.toEqual(a);
    // 2,000 expected; a Poisson count's sd is ~45, so 6 sd either side.
    expect(a.length).toBeGreaterThan(1_730);
    expect(a.length).toBeLessThan(2_270);
    expect(a.every((t, i) => t > (a[i - 1] ?? 0) && t < 20_000)).toBe(true);
  });
});

describe('openLoop', () => {
  it('counts answers, non-2xx and requests left unanswered after the grace period', async () => {
    let n = 0;
    const server = http.createServer((req, res) => {
      n++;
      if (req.url === '/hang') return; // never answered: must be counted as timed out
      res.statusCode = n % 2 ? 200 : 500;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await openLoop(base, { name: 'ok', path: '/ok' }, { clients: 5, rate: 50, seconds: 1, graceMs: 2_000, seed: 1 });
      expect(ok.requests).toBe(arrivals(50, 1, 1).length);
      expect(ok.non2xx).toBeGreaterThan(0);
      expect(ok.errors).toBe(0);
      const hang = await openLoop(base, { name: 'hang', path: '/hang' }, { clients: 5, rate: 20, seconds: 0.5, graceMs: 200, seed: 1 });
      expect(hang.requests).toBe(0);
      expect(hang.errors).toBe(arrivals(20, 0.5, 1).length);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
