import { slowerTail } from './helpers';
import type { Scenario } from './types';

export const latency: Scenario = {
  name: 'latency',
  summary: 'p99 of productpage -> reviews-v2 grows by 800 ms.',
  doc: 'The edge from productpage-v1 to reviews-v2 (both in us-east-1) keeps its median (20 ms) but its p99 grows from 110 ms to 910 ms. histogram_quantile(0.99, ...) over istio_request_duration_milliseconds_bucket for that edge reads roughly 900 ms (bucket interpolation between 500 and 1000 ms); error rates are unchanged, so only latency views and response-time edge labels change. In a generated fleet the first HTTP edge gets the extra latency.',
  apply(fleet) {
    const target = fleet.model.edges.find((e) => e.spec.source.workload === 'productpage-v1' && e.spec.destination.workload === 'reviews-v2') ?? fleet.model.edges.find((e) => e.spec.protocol !== 'tcp');
    slowerTail(fleet, target, 800);
  },
  revert: () => undefined,
};
