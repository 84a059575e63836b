/**
 * API latency at 100 concurrent clients (autocannon, loopback, bounded
 * duration per endpoint) against `next start`. Latencies are collected per
 * response so p95 is exact (autocannon's own table has p97.5, not p95).
 * The load generator runs in the benchmark process, on the same 2 cores.
 */
import autocannon from 'autocannon';
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
    { name: 'clusters', path: '/api/v1/clusters' },
    { name: 'services page', path: '/api/v1/services?page=2&pageSize=50&sort=name' },
    { name: 'services filtered', path: `/api/v1/services?page=1&pageSize=50&q=${encodeURIComponent(needle)}&namespace=${svc.namespace}&cluster=${encodeURIComponent(svc.clusters[0]!)}&sort=-endpoints` },
    { name: 'service detail', path: `/api/v1/services/${svc.namespace}/${svc.name}` },
    { name: 'topology', path: `/api/v1/topology?window=${topologyWindow}&graphType=workload` },
  ];
}

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

export async function measureApiLatency(url: string, topologyWindow: string, seconds: number): Promise<EndpointLatency[]> {
  const out: EndpointLatency[] = [];
  for (const ep of await endpointPaths(url, topologyWindow)) {
    // One warm request first: the first call builds indexes lazily.
    await fetch(url + ep.path).then((r) => r.arrayBuffer());
    out.push(await loadEndpoint(url, ep, seconds));
  }
  return out;
}
