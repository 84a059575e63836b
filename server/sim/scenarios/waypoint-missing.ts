import type { KubeObject } from '../kube/types';
import { clusterNamed, GATEWAY_API, gatewayPods, removeUntilRevert, SHOP, WAYPOINT } from './ambient-helpers';
import type { Scenario } from './types';

export const waypointMissing: Scenario = {
  name: 'waypoint-missing',
  summary: 'us-west-2 has no shop waypoint although the namespace still uses one.',
  doc: 'In us-west-2 the shop/waypoint Gateway, its Deployment, pods, Service, EndpointSlice and Endpoints are deleted (watches see DELETED events) while the shop namespace still says istio.io/use-waypoint=waypoint. The status controller marks the shop Services bound to it in us-west-2 istio.io/WaypointBound False (WaypointIsNotReady, waypoint "shop/waypoint" is not ready); us-east-1 keeps its waypoint. Istio needs the same waypoint in every cluster: analysis reports WaypointMissingInCluster (MG0020), and L7 traffic sent from us-west-2 to the shop services fails as through a waypoint that is down (cart-v1 to pricing reports no L7 series). The objects come back (same names and uids) when the scenario ends. On fleets without us-west-2 or its shop waypoint this scenario changes nothing.',
  apply(fleet) {
    const c = clusterNamed(fleet, 'us-west-2');
    const gateway = c?.store.get(GATEWAY_API, 'Gateway', SHOP, WAYPOINT);
    if (!c || !gateway) return;
    const found = (o: KubeObject | undefined): o is KubeObject => o !== undefined;
    removeUntilRevert(fleet, c, [
      gateway,
      c.store.get('apps/v1', 'Deployment', SHOP, WAYPOINT),
      ...gatewayPods(c, SHOP, WAYPOINT),
      c.store.get('v1', 'Service', SHOP, WAYPOINT),
      ...c.store.list('discovery.k8s.io/v1', 'EndpointSlice', SHOP).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === WAYPOINT),
      c.store.get('v1', 'Endpoints', SHOP, WAYPOINT),
    ].filter(found));
  },
  revert: () => undefined,
};
