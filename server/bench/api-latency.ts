/**
 * API latency at 100 concurrent clients against `next start`, loopback,
 * bounded duration per endpoint, in two shapes: closed loop (autocannon, 100
 * connections with no think time: saturation) and open loop (100 clients at
 * about one request a second each, random spacing: ./open-loop.ts).
 * Latencies are collected per response so p95 is exact (autocannon's own
 * table has p97.5, not p95). The load generators run in the benchmark
 * process, on the same 2 cores.
 */
import autocannon from 'autocannon';
import { openLoop } from './open-loop';
import { percentiles, type Percentiles } from './stats';

export interface EndpointLatency {
  name: string;
  path: string;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  latencyMs: Percentiles;
}

interface ServiceRow {
  namespace: string;
  name: string;
  clusters: string[];
}

/** The paths to load, with names taken from the fleet itself. */
export async function endpointPaths(url: string, topologyWindow: string): Promise<Array<{ name: string; path: string }>> {
  const res = await fetch(`${url}/api/v1/services?page=1&pageSize=50`);
  const body = (await res.json()) as { data: { items: ServiceRow[]; total: number } };
  const items = body.data.items;
  // A Service present in the most clusters: the heaviest detail page.
  const svc = [...items].sort((a, b) => b.clusters.length - a.clusters.length)[0]!;
  const needle = svc.name.slice(0, Math.max(2, Math.ceil(svc.name.length / 2)));
  return [
    // The framework's own floor: a route that reads nothing from the fleet.
    { name: 'healthz (reference)', path: '/api/v1/healthz' },
    { name: 'clusters', path: '/api/v1/clusters' },
    { name: 'services page', path: '/api/v1/services?page=2&pageSize=50&sort=name' },
    { name: 'services filtered', path: `/api/v1/services?page=1&pageSize=50&q=${encodeURIComponent(needle)}&namespace=${svc.namespace}&cluster=${encodeURIComponent(svc.clusters[0]!)}&sort=-endpoints` },
    { name: 'service detail', path: `/api/v1/services/${svc.namespace}/${svc.name}` },
    // What the page asks for first: grouped by namespace above 1,000 nodes (the whole graph when smaller).
    { name: 'topology', path: `/api/v1/topology?window=${topologyWindow}&graphType=workload&group=auto` },
    { name: 'topology, every node', path: `/api/v1/topology?window=${topologyWindow}&graphType=workload` },
  ];
}

/** Closed loop: each of the 100 connections sends its next request as soon as the last one is answered. */
export async function loadEndpoint(url: string, ep: { name: string; path: string }, seconds: number, connections = 100): Promise<EndpointLatency> {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: url + ep.path, connections, duration: seconds, timeout: 30 }, (err: unknown, res: autocannon.Result) => (err ? reject(err as Error) : resolve(res)));
    inst.on('response', (_c, _status, _bytes, ms) => times.push(ms));
  });
  return {
    name: ep.name,
    path: ep.path,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    rps: Math.round(r.requests.average),
    latencyMs: percentiles(times),
  };
}

export interface ApiLatency {
  saturated: EndpointLatency;
  open: EndpointLatency;
}

/** Waits (at most 60 s) until the server answers /api/v1/healthz quickly: requests queued by the last load have drained. */
async function drained(url: string): Promise<void> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const t0 = performance.now();
    const ok = await fetch(`${url}/api/v1/healthz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false);
    if (ok && performance.now() - t0 < 100) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Per endpoint: 100 clients at 1 request/s each (open loop), then closed loop at 100 connections. */
export async function measureApiLatency(url: string, topologyWindow: string, seconds: number): Promise<ApiLatency[]> {
  const out: ApiLatency[] = [];
  for (const ep of await endpointPaths(url, topologyWindow)) {
    // One warm request first: the first call builds indexes lazily.
    await drained(url);
    await fetch(url + ep.path, { signal: AbortSignal.timeout(60_000) }).then((r) => r.arrayBuffer());
    const open = await openLoop(url, ep, { clients: 100, rate: 100, seconds, graceMs: 30_000, seed: 7 });
    await drained(url);
    const saturated = await loadEndpoint(url, ep, seconds);
    out.push({ saturated, open });
  }
  return out;
}
