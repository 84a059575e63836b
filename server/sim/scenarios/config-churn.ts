import { paymentsRouting } from '../fleet/demo-fleet';
import type { KubeObject } from '../kube/types';
import { nthCluster } from './helpers';
import type { Scenario } from './types';

/** The east/west weights the scenario cycles through. */
export const CHURN_WEIGHTS = [90, 70, 50, 30, 50, 70];
export const CHURN_INTERVAL_MS = 3000;

/** A VirtualService splitting `host` over two identical routes; the generated-fleet stand-in for payments. */
export function churnVirtualService(namespace: string, host: string, weight: number): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'churn', namespace },
    spec: { hosts: [host], http: [{ route: [{ destination: { host }, weight }, { destination: { host, port: { number: 8080 } }, weight: 100 - weight }] }] },
  };
}

export const configChurn: Scenario = {
  name: 'config-churn',
  summary: "The payments VirtualService's weight changes every 3 s.",
  doc: 'Every 3 seconds the payments VirtualService in us-east-1 (and us-west-2) is rewritten with a new east/west split, cycling 90/10, 70/30, 50/50, 30/70, 50/50, 70/30. Watches deliver a MODIFIED event each time (resourceVersion and generation advance), a config-history or "what changed" view fills up, and checkout\'s traffic to payments in us-west-2 follows the weight (rate() over a short window tracks it with a few seconds of lag). In a generated fleet a VirtualService named churn in the first cluster changes instead.',
  apply(fleet) {
    const first = nthCluster(fleet, 0);
    const hasPayments = !!first.store.get('networking.istio.io/v1', 'VirtualService', 'payments', 'payments');
    let step = 0;
    const tick = () => {
      const weight = CHURN_WEIGHTS[step++ % CHURN_WEIGHTS.length] ?? 90;
      if (hasPayments) {
        for (const c of fleet.clusters) {
          if (!c.store.get('networking.istio.io/v1', 'VirtualService', 'payments', 'payments')) continue;
          const vs = paymentsRouting(weight).find((o) => o.kind === 'VirtualService');
          if (vs) fleet.replace(c.name, vs);
        }
        fleet.model.setAdjuster((e) => {
          if (e.spec.destination.service !== 'payments' || e.spec.source.workload !== 'checkout-v1') return undefined;
          const total = fleet.model.edges.filter((x) => x.spec.destination.service === 'payments' && x.spec.source.workload === 'checkout-v1').reduce((a, x) => a + x.spec.rps, 0);
          return { rps: (total * (e.destinationCluster === first.name ? weight : 100 - weight)) / 100 };
        });
      } else {
        const svc = fleet.spec.services[0];
        if (svc) fleet.replace(first.name, churnVirtualService(svc.namespace, `${svc.name}.${svc.namespace}.svc.cluster.local`, weight));
      }
    };
    tick();
    fleet.every(CHURN_INTERVAL_MS, tick);
  },
  revert: () => undefined,
};
