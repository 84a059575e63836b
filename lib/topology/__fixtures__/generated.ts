import type { ToleranceRule } from '../../health/tolerances';
import type { TopologyInput } from '../build-topology';
import type { GraphNode, TrafficSample } from '../types';

/**
 * A seeded, messy fleet answer for equivalence tests: both reporters (some
 * destinations silent), HTTP, gRPC and TCP, every response class, unknown and
 * relabelled clusters, callers from outside the mesh, ServiceEntry hosts,
 * PassthroughCluster, service-only destinations, one workload reported under two
 * revisions, NaN values, idle inventory and tolerance rules.
 */
export function generatedInput(seed: number, workloads = 60, edges = 250): Omit<TopologyInput, 'graphType' | 'hideIdle'> {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const clusters = ['east', 'west', 'north', 'south'];
  const wl = (i: number) => {
    const app = i % 17 === 0 ? 'unknown' : `app-${i % 40}`;
    const version = i % 11 === 0 ? '' : `v${(i % 3) + 1}`;
    return { cluster: clusters[i % 4]!, ns: `ns-${i % 6}`, name: `wl-${i}`, app, version, svc: `svc-${i % 50}` };
  };
  const requests: TrafficSample[] = [];
  const tcp: TrafficSample[] = [];
  const p95: TrafficSample[] = [];
  for (let e = 0; e < edges; e++) {
    const a = wl(Math.floor(rand() * workloads));
    const b = wl(Math.floor(rand() * workloads));
    const kind = rand();
    const src: Record<string, string> =
      kind < 0.05
        ? { source_cluster: 'unknown', source_workload_namespace: 'unknown', source_workload: 'unknown', source_canonical_service: 'unknown', source_canonical_revision: 'unknown' }
        : { source_cluster: rand() < 0.1 ? 'unknown' : a.cluster, source_workload_namespace: a.ns, source_workload: a.name, source_canonical_service: a.app, source_canonical_revision: a.version };
    let dst: Record<string, string> = {
      destination_cluster: rand() < 0.05 ? 'unknown' : b.cluster,
      destination_workload_namespace: b.ns,
      destination_workload: b.name,
      destination_canonical_service: b.app,
      destination_canonical_revision: rand() < 0.03 ? 'v9' : b.version,
      destination_service_namespace: b.ns,
      destination_service_name: b.svc,
      destination_service: `${b.svc}.${b.ns}.svc.cluster.local`,
    };
    let destinationReports = rand() > 0.15;
    if (kind > 0.97) {
      dst = { destination_cluster: b.cluster, destination_workload_namespace: 'unknown', destination_workload: 'unknown', destination_service: 'api.example.com', destination_service_name: 'api.example.com', destination_service_namespace: 'unknown' };
      destinationReports = false;
    } else if (kind > 0.94) {
      dst = { destination_cluster: b.cluster, destination_service: 'PassthroughCluster', destination_service_name: 'PassthroughCluster' };
      destinationReports = false;
    } else if (kind > 0.9) {
      dst = { ...dst, destination_workload: 'unknown', destination_workload_namespace: 'unknown' };
    }
    const protocol = pick(['http', 'http', 'http', 'grpc', 'tcp', '']);
    const scrape = pick([a.cluster, b.cluster, undefined]);
    const reporters = destinationReports ? ['destination', 'source'] : ['source'];
    const rps = rand() < 0.05 ? 0 : 0.01 + rand() * 30;
    for (const reporter of reporters) {
      const tls = reporter === 'destination' ? pick(['mutual_tls', 'mutual_tls', 'none']) : 'unknown';
      const base = { ...src, ...dst, reporter, connection_security_policy: tls };
      if (protocol === 'tcp') {
        tcp.push({ metric: base, value: rps * 1000, scrapeCluster: scrape });
        continue;
      }
      const proto: Record<string, string> = protocol === '' ? {} : { request_protocol: protocol };
      for (const [code, grpc, share] of [['200', '0', 0.9], ['404', '', 0.04], ['503', '', 0.03], ['0', '', 0.02], ['200', '14', 0.01]] as const) {
        if (rand() < 0.3 && code !== '200') continue;
        requests.push({ metric: { ...base, ...proto, response_code: code, grpc_response_status: protocol === 'grpc' ? grpc : '', response_flags: '-' }, value: rand() < 0.01 ? NaN : rps * share, scrapeCluster: scrape });
      }
      p95.push({ metric: { ...base, ...proto }, value: rand() < 0.05 ? NaN : 5 + rand() * 800, scrapeCluster: scrape });
    }
  }
  const inventory: GraphNode[] = [];
  for (let i = 0; i < workloads + 20; i++) {
    const w = wl(i);
    inventory.push({ id: `wl:${w.cluster}/${w.ns}/${w.name}`, kind: 'workload', cluster: w.cluster, namespace: w.ns, name: w.name, workload: w.name, app: w.app, version: w.version || 'latest' });
  }
  const tolerances: ToleranceRule[] = [{ namespace: 'ns-1', service: 'app-*', tolerances: [{ errorClass: 'http5xx', degraded: 5, degradedInclusive: false, failure: 50 }] }];
  return {
    requests,
    tcp,
    p95,
    inventory,
    tolerances,
    networkOf: (c) => (c === 'east' || c === 'west' ? 'net-1' : c === 'north' ? 'net-2' : undefined),
    readiness: (n) => (n.name.endsWith('3') ? { desired: 2, ready: 1, unsyncedProxies: 0 } : undefined),
    telemetryOk: (c) => c !== 'south',
  };
}
