import { fromMap, nthCluster, shiftTraffic } from './helpers';
import type { Scenario } from './types';

/** The service that fails over: reviews in the demo fleet, else the first service called in more than one cluster. */
function failingService(edges: import('../telemetry/traffic-model').ModelEdge[]): string | undefined {
  if (edges.some((e) => e.spec.destination.service === 'reviews')) return 'reviews';
  return edges.find((e) => e.sourceCluster !== e.destinationCluster)?.spec.destination.service;
}

export const failover: Scenario = {
  name: 'failover',
  summary: 'reviews in the first cluster returns 503; outlier detection moves traffic to reviews in another cluster.',
  doc: 'reviews-v1 and reviews-v2 in us-east-1 answer 503 to everything; outlier detection ejects them, so they see only a trickle (0.3 req/s each, 100% 5xx: failure), while productpage\'s reviews traffic fails over across the network to reviews-v3 in us-west-2 (about 11.4 req/s instead of 4), and reviews-v3 to ratings in eu-central-1 rises with it. The reviews DestinationRule in us-east-1 gains outlierDetection and a localityLbSetting failover from us-east-1 to us-west-2 (visible in config views). The reviews service as a whole shows a small error rate (degraded), the us-east-1 workloads show failure, and the graph shows the cross-network edge growing.',
  apply(fleet) {
    const home = nthCluster(fleet, 0).name;
    const service = failingService(fleet.model.edges);
    if (!service) return;
    const lost = (e: import('../telemetry/traffic-model').ModelEdge) => e.spec.destination.service === service && e.destinationCluster === home;
    const shifts = shiftTraffic(fleet.model.edges, lost, () => ({ rps: 0.3, errors: [{ code: '503', ratio: 1 }] }));
    // Calls made by the failing workloads mostly stop: they fail before calling downstream.
    for (const e of fleet.model.edges) {
      const failingSource = e.sourceCluster === home && fleet.model.edges.some((x) => lost(x) && x.spec.destination.workload === e.spec.source.workload && x.spec.destination.namespace === e.spec.source.namespace);
      if (failingSource) shifts.set(e.id, { rps: 0 });
    }
    // Downstream of the workloads that took over, traffic grows with their inbound rate.
    for (const e of fleet.model.edges) {
      const inbound = fleet.model.edges.filter((x) => x.spec.destination.workload === e.spec.source.workload && x.destinationCluster === e.sourceCluster && x.spec.destination.namespace === e.spec.source.namespace);
      const before = inbound.reduce((a, x) => a + x.spec.rps, 0);
      const after = inbound.reduce((a, x) => a + (shifts.get(x.id)?.rps ?? x.spec.rps), 0);
      if (before > 0 && after !== before && !shifts.has(e.id)) shifts.set(e.id, { rps: (e.spec.rps * after) / before });
    }
    fleet.model.setAdjuster(fromMap(shifts));
    const dr = fleet.cluster(home).store.get('networking.istio.io/v1', 'DestinationRule', 'bookinfo', service);
    const other = fleet.model.edges.find((e) => e.spec.destination.service === service && e.destinationCluster !== home)?.destinationCluster;
    if (dr && other) {
      const region = (n: string) => fleet.clusters.find((c) => c.name === n)?.region ?? n;
      fleet.replace(home, {
        ...structuredClone(dr),
        spec: {
          ...(dr.spec as object),
          trafficPolicy: {
            outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 },
            loadBalancer: { simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true, failover: [{ from: region(home), to: region(other) }] } },
          },
        },
      });
    }
  },
  revert: () => undefined,
};
