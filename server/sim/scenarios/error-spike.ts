import { nthCluster } from './helpers';
import type { Scenario } from './types';

export const errorSpike: Scenario = {
  name: 'error-spike',
  summary: '5% of requests to details in us-east-1 fail with 503.',
  doc: 'details-v1 in us-east-1 answers 5% of its requests with 503 (response_flags "-"), on top of its usual 1% 404. Request health of details (and of productpage\'s outbound edge to it) turns degraded by Kiali\'s tolerances (5xx > 0%, < 10%); nothing else changes: no config, no control-plane signal, only telemetry. In a generated fleet the first service called in the first cluster gets the spike.',
  apply(fleet) {
    const home = nthCluster(fleet, 0).name;
    const edges = fleet.model.edges.filter((e) => e.destinationCluster === home && e.spec.protocol !== 'tcp');
    const target = edges.find((e) => e.spec.destination.workload === 'details-v1') ?? edges[0];
    if (!target) return;
    const workload = target.spec.destination.workload;
    fleet.model.setAdjuster((e) =>
      e.destinationCluster === home && e.spec.destination.workload === workload && e.spec.protocol !== 'tcp'
        ? { errors: [...(e.spec.errors ?? []), { code: '503', ratio: 0.05 }] }
        : undefined,
    );
  },
  revert: () => undefined,
};
