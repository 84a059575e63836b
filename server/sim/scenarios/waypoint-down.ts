import { clusterNamed, crashLooping, GATEWAY_API, gatewayPods, noneReady, SHOP, WAYPOINT } from './ambient-helpers';
import type { Scenario } from './types';

interface SliceEndpoint {
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
}

export const waypointDown: Scenario = {
  name: 'waypoint-down',
  summary: "us-east-1's shop waypoint has no ready pod: Programmed False, L7 through it fails.",
  doc: 'In us-east-1 the pods of the shop/waypoint Deployment crash-loop (Ready False, CrashLoopBackOff, readyReplicas 0) and its Service\'s endpoints turn not ready. The status controller marks Gateway shop/waypoint Programmed False (AddressNotAssigned: no instances found for hostname "waypoint.shop.svc.cluster.local") and every shop Service bound to it gets istio.io/WaypointBound False (WaypointIsNotReady, waypoint "shop/waypoint" is not ready); inventory-db (use-waypoint none) is unaffected. L7 traffic through the waypoint fails: the ingress gateway and the sidecar sleep report 503 UH to storefront, ambient clients report nothing L7. The waypoint in us-west-2 stays ready. A dashboard should show the waypoint not ready (MG0022) and the bound services degraded. On fleets without us-east-1 or without the shop waypoint this scenario changes nothing.',
  apply(fleet) {
    const c = clusterNamed(fleet, 'us-east-1');
    if (!c || !c.store.get(GATEWAY_API, 'Gateway', SHOP, WAYPOINT)) return;
    const deployment = c.store.get('apps/v1', 'Deployment', SHOP, WAYPOINT);
    if (deployment) fleet.replace(c.name, noneReady(deployment));
    for (const p of gatewayPods(c, SHOP, WAYPOINT)) fleet.replace(c.name, crashLooping(p));
    // The waypoint Service's endpoints follow its pods, as the EndpointSlice controller would.
    for (const s of c.store.list('discovery.k8s.io/v1', 'EndpointSlice', SHOP).filter((x) => x.metadata.labels?.['kubernetes.io/service-name'] === WAYPOINT)) {
      const copy = structuredClone(s);
      for (const e of (copy.endpoints ?? []) as SliceEndpoint[]) e.conditions = { ...e.conditions, ready: false, serving: false };
      fleet.replace(c.name, copy);
    }
    const endpoints = c.store.get('v1', 'Endpoints', SHOP, WAYPOINT);
    if (endpoints) {
      const copy = structuredClone(endpoints);
      copy.subsets = ((copy.subsets ?? []) as Array<{ addresses?: unknown[]; notReadyAddresses?: unknown[]; ports?: unknown[] }>).map(({ addresses, notReadyAddresses, ...rest }) => ({
        ...rest,
        notReadyAddresses: [...(addresses ?? []), ...(notReadyAddresses ?? [])],
      }));
      fleet.replace(c.name, copy);
    }
  },
  revert: () => undefined,
};
