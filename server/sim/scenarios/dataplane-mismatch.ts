import { AMBIENT_REDIRECTION_ANNOTATION, DATAPLANE_MODE_LABEL, GATEWAY_NAME_LABEL } from '../../../lib/fleet/dataplane';
import { proxyLabels, sidecarAnnotations, sidecarContainer, type ProxyInfo } from '../fleet/workloads';
import type { KubeObject } from '../kube/types';
import { podWorkloadName } from '../telemetry/pod-facts';
import { clusterNamed, SHOP } from './ambient-helpers';
import type { Scenario } from './types';

interface PodParts {
  spec: { containers: Array<{ name: string; image: string }> };
  status?: { containerStatuses?: Array<Record<string, unknown>> };
}

/** The pod as the injector would have created it: an istio-proxy sidecar, its labels and annotations, no ztunnel redirection. */
function withSidecar(pod: KubeObject, proxy: ProxyInfo, network: string): KubeObject {
  const copy = structuredClone(pod) as KubeObject & PodParts;
  const sidecar = sidecarContainer(proxy.version);
  copy.spec.containers = [...copy.spec.containers.filter((x) => x.name !== sidecar.name), sidecar];
  const labels = { ...copy.metadata.labels };
  Object.assign(labels, proxyLabels(labels, proxy, network, podWorkloadName(pod)));
  copy.metadata.labels = labels;
  const annotations = { ...copy.metadata.annotations, ...sidecarAnnotations(proxy.revision) };
  delete annotations[AMBIENT_REDIRECTION_ANNOTATION];
  copy.metadata.annotations = annotations;
  if (copy.status) {
    const statuses = copy.status.containerStatuses ?? [];
    const ready = statuses.every((s) => s.ready === true);
    copy.status.containerStatuses = [
      ...statuses.filter((s) => s.name !== sidecar.name),
      { name: sidecar.name, image: sidecar.image, ready, started: true, restartCount: 0, state: { running: { startedAt: '2024-05-01T10:00:00Z' } } },
    ];
  }
  return copy;
}

export const dataplaneMismatch: Scenario = {
  name: 'dataplane-mismatch',
  summary: "us-west-2's shop namespace runs sidecars while us-east-1's is ambient.",
  doc: 'In us-west-2 the shop namespace is relabelled to sidecar injection (istio-injection=enabled, no istio.io/dataplane-mode; istio.io/use-waypoint=waypoint stays) and its application pods (cart-v1, pricing-v1; not the waypoint\'s) come back with an injected istio-proxy sidecar (proxyv2 of the default revision, security.istio.io/tlsMode=istio, sidecar.istio.io/status) and without the ambient.istio.io/redirection annotation. The same services are ambient in us-east-1 and sidecar in us-west-2: the fleet shows them as mixed and analysis reports DataplaneModeInconsistent (MG0019). Telemetry follows: the us-west-2 pods report as sidecars (reporter="destination" series, no ztunnel L4 series for them). On fleets without us-west-2 or its shop namespace this scenario changes nothing.',
  apply(fleet) {
    const c = clusterNamed(fleet, 'us-west-2');
    const ns = c?.store.get('v1', 'Namespace', undefined, SHOP);
    if (!c || !ns) return;
    const labels: Record<string, string> = { ...ns.metadata.labels, 'istio-injection': 'enabled' };
    delete labels[DATAPLANE_MODE_LABEL];
    fleet.replace(c.name, { ...structuredClone(ns), metadata: { ...structuredClone(ns.metadata), labels } });
    const spec = fleet.spec.clusters.find((x) => x.name === c.name);
    const rev = spec?.revisions.find((r) => r.revision === 'default') ?? spec?.revisions[0];
    const proxy: ProxyInfo = { mode: 'sidecar', revision: rev?.revision ?? 'default', version: rev?.version ?? '1.30.3' };
    for (const p of c.store.list('v1', 'Pod', SHOP)) {
      if (p.metadata.labels?.[GATEWAY_NAME_LABEL] !== undefined) continue;
      fleet.replace(c.name, withSidecar(p, proxy, c.network));
    }
  },
  revert: () => undefined,
};
