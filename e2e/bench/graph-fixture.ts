/**
 * A topology of about N workloads as the page receives it: a generated
 * Prometheus answer (destination reporter, 10 clusters, workloads/200
 * namespaces per cluster, 4 edges per workload, like server/bench/topology-build.ts)
 * through the product's buildTopology.
 */
import type { Topology } from '../../lib/api/topology';
import { buildTopology } from '../../lib/topology/build-topology';
import type { TrafficSample } from '../../lib/topology/types';

/** The generated graph as GET /api/v1/topology answers it (lib/api/topology.ts's `Topology`). */
export function topologyAnswer(workloads: number, seedIn = 42): Topology {
  let seed = seedIn;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  // About 20 workloads per namespace box, so boxes stay a small share of the nodes.
  const namespaces = Math.max(5, Math.round(workloads / 200));
  const wl = (i: number) => ({ cluster: `cluster-${i % 10}`, ns: `ns-${Math.floor(i / 10) % namespaces}`, name: `svc-${i}-v${(i % 3) + 1}`, app: `svc-${i}`, version: `v${(i % 3) + 1}` });
  const requests: TrafficSample[] = [];
  for (let e = 0; e < workloads * 4; e++) {
    const s = wl(Math.floor(rand() * workloads));
    const d = wl(Math.floor(rand() * workloads));
    const metric = {
      source_cluster: s.cluster, source_workload_namespace: s.ns, source_workload: s.name, source_canonical_service: s.app, source_canonical_revision: s.version,
      destination_cluster: d.cluster, destination_workload_namespace: d.ns, destination_workload: d.name, destination_canonical_service: d.app, destination_canonical_revision: d.version,
      destination_service_namespace: d.ns, destination_service_name: d.app, destination_service: `${d.app}.${d.ns}.svc.cluster.local`,
      request_protocol: 'http', grpc_response_status: '', response_flags: '-', reporter: 'destination', connection_security_policy: 'mutual_tls',
    };
    const rps = 1 + rand() * 20;
    requests.push({ metric: { ...metric, response_code: '200' }, value: rps * 0.98 }, { metric: { ...metric, response_code: '503' }, value: rps * 0.02 });
  }
  const { elements, stats } = buildTopology({ graphType: 'workload', requests, tcp: [], p95: [], hideIdle: true, networkOf: (c) => (Number(c.split('-')[1]) % 2 === 0 ? 'net-a' : 'net-b') });
  const telemetry = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`cluster-${i}`, { state: 'ok' as const }]));
  return { elements: elements as Topology['elements'], stats, telemetry };
}
