import { EASTWEST_NAME } from '../fleet/istio-system';
import { fromMap, nthCluster, shiftTraffic } from './helpers';
import type { Scenario } from './types';

export const missingEastwestAddress: Scenario = {
  name: 'missing-eastwest-address',
  summary: "us-west-2's east-west gateway Service loses its load-balancer address.",
  doc: 'The istio-eastwestgateway Service in us-west-2 has no status.loadBalancer.ingress any more. istiod in the other prod clusters drops it from /debug/networkz (the case istiod logs as "the address of the gateway for the remote network cannot be determined"), so their proxies lose the endpoints in us-west-2: productpage stops calling reviews-v3 (its share moves to reviews-v1/v2), sleep in us-east-1 reaches only helloworld-v1, webapp only the local greeting, and checkout\'s 10% to payments in us-west-2 goes to us-east-1. Calls from us-west-2 outwards keep working. A topology or gateway view should flag network-us-west-2 as unreachable.',
  apply(fleet) {
    const target = nthCluster(fleet, 1).name;
    const svc = fleet.cluster(target).store.get('v1', 'Service', 'istio-system', EASTWEST_NAME);
    if (svc) fleet.replace(target, { ...structuredClone(svc), status: { loadBalancer: {} } });
    const lost = (e: import('../telemetry/traffic-model').ModelEdge) => e.destinationCluster === target && e.sourceCluster !== target;
    fleet.model.setAdjuster(fromMap(shiftTraffic(fleet.model.edges, lost, () => ({ rps: 0 }))));
  },
  revert: () => undefined,
};
