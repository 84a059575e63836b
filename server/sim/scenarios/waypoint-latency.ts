import { SHOP } from './ambient-helpers';
import { slowerTail } from './helpers';
import type { Scenario } from './types';

export const waypointLatency: Scenario = {
  name: 'waypoint-latency',
  summary: 'p99 of storefront -> cart-v1 through the us-east-1 waypoint grows by 800 ms.',
  doc: "The edge from storefront-v1 to cart-v1 in us-east-1's ambient shop namespace keeps its median but its p99 grows by 800 ms (from about 50 ms). Both ends are ambient, so the only L7 report of that edge is the shop waypoint's (reporter=\"waypoint\"); ztunnel's L4 series do not change. A dashboard that reads latency only from reporter=\"destination\" misses it; one that reads the waypoint's reports flags the edge as a latency regression. On fleets without the shop namespace in us-east-1 this scenario changes nothing.",
  apply(fleet) {
    const target = fleet.model.edges.find(
      ({ spec: { source: s, destination: d } }) => s.cluster === 'us-east-1' && s.namespace === SHOP && s.workload === 'storefront-v1' && d.cluster === 'us-east-1' && d.workload === 'cart-v1',
    );
    slowerTail(fleet, target, 800);
  },
  revert: () => undefined,
};
