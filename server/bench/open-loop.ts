/**
 * Open-loop load: 100 clients that each send about one request a second, at
 * random (exponential) spacing, whatever the server's speed. Unlike a closed
 * loop (autocannon with no think time) a slow answer does not slow the next
 * arrival, and unlike autocannon's `overallRate` the arrivals do not line up
 * on one tick. Latency counts from the scheduled arrival, so time spent
 * waiting for one of the 100 sockets is included (no coordinated omission).
 * Requests still unanswered `graceMs` after the load ends count as timed out.
 */
import http from 'node:http';
import { seededRandom } from '../sim/fleet/ids';
import { percentiles } from './stats';
import type { EndpointLatency } from './api-latency';

export interface OpenLoopOptions {
  clients: number;
  /** Requests per second over all clients. */
  rate: number;
  seconds: number;
  graceMs: number;
  seed: number;
}

/** Arrival offsets (ms) of a Poisson process of `rate` per second over `seconds`. */
export function arrivals(rate: number, seconds: number, seed: number): number[] {
  const rnd = seededRandom(seed);
  const out: number[] = [];
  for (let t = 0; ; ) {
    t += (-Math.log(1 - rnd()) / rate) * 1000;
    if (t >= seconds * 1000) return out;
    out.push(t);
  }
}

function get(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}

export async function openLoop(base: string, ep: { name: string; path: string }, o: OpenLoopOptions): Promise<EndpointLatency> {
  const url = new URL(base + ep.path);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.clients });
  const schedule = arrivals(o.rate, o.seconds, o.seed);
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const pending = new Set<Promise<void>>();
  try {
    for (const at of schedule) {
      const wait = start + at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const p: Promise<void> = get(agent, url)
        .then((status) => {
          times.push(performance.now() - (start + at));
          if (status < 200 || status >= 300) non2xx++;
        }, () => void errors++)
        .finally(() => pending.delete(p));
      pending.add(p);
    }
    const grace = new Promise<'grace'>((r) => setTimeout(() => r('grace'), o.graceMs).unref());
    await Promise.race([Promise.all(pending), grace]);
    // What is still out after the grace period is a time-out, not a latency we can state.
    errors += pending.size;
  } finally {
    agent.destroy();
  }
  return {
    name: ep.name,
    path: ep.path,
    requests: times.length,
    non2xx,
    errors,
    rps: Math.round(times.length / o.seconds),
    latencyMs: percentiles(times),
  };
}
