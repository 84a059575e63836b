import { daemonSetStatus } from '../fleet/ambient';
import { podWorkloadName } from '../telemetry/pod-facts';
import { clusterNamed, crashLooping, SHOP } from './ambient-helpers';
import type { Scenario } from './types';

export const ztunnelNodeDown: Scenario = {
  name: 'ztunnel-node-down',
  summary: 'In us-east-1 the ztunnel on the first storefront-v1 node crash-loops; ambient pods there are cut off.',
  doc: 'In us-east-1 the ztunnel pod on the node of the first storefront-v1 pod (by name) turns not ready (Ready False, CrashLoopBackOff) and the ztunnel DaemonSet reports one pod fewer ready (numberReady and numberAvailable down by one, numberUnavailable 1). The ambient pods on that node (the first storefront-v1 pod and whatever other shop pods share the node) are cut off: their node\'s ztunnel cannot carry their traffic, while sidecar and gateway pods there are unaffected. The simulated traffic model does not follow ztunnel readiness, so metrics stay as modelled. A cluster view should list that node\'s ztunnel as not ready with the ambient pods it serves (MG0023). On fleets without us-east-1, storefront-v1 or ztunnel this scenario changes nothing.',
  apply(fleet) {
    const c = clusterNamed(fleet, 'us-east-1');
    if (!c) return;
    const first = c.store
      .list('v1', 'Pod', SHOP)
      .filter((p) => podWorkloadName(p) === 'storefront-v1')
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))[0];
    const node = (first?.spec as { nodeName?: string } | undefined)?.nodeName;
    const ztunnel = node ? c.store.list('v1', 'Pod', 'istio-system').find((p) => p.metadata.labels?.app === 'ztunnel' && (p.spec as { nodeName?: string }).nodeName === node) : undefined;
    if (!ztunnel) return;
    fleet.replace(c.name, crashLooping(ztunnel));
    const ds = c.store.get('apps/v1', 'DaemonSet', 'istio-system', 'ztunnel');
    if (ds) {
      const st = (ds.status ?? {}) as { desiredNumberScheduled?: number; numberReady?: number };
      const desired = st.desiredNumberScheduled ?? 0;
      fleet.replace(c.name, { ...structuredClone(ds), status: daemonSetStatus(desired, Math.max(0, (st.numberReady ?? desired) - 1)) });
    }
  },
  revert: () => undefined,
};
