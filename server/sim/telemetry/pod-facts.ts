/** What the telemetry and ztunnel simulations read off a Pod object. */
import type { KubeObject } from '../kube/types';

/** An istio-proxy container: an injected sidecar (also as a native sidecar init container) or a gateway's own proxy. */
export function podHasProxy(pod: KubeObject): boolean {
  const spec = pod.spec as { containers?: Array<{ name?: string }>; initContainers?: Array<{ name?: string; restartPolicy?: string }> } | undefined;
  return (spec?.containers ?? []).some((c) => c.name === 'istio-proxy') || (spec?.initContainers ?? []).some((c) => c.name === 'istio-proxy' && c.restartPolicy === 'Always');
}

/** The pod's Ready condition is True. */
export function podIsReady(pod: KubeObject): boolean {
  return ((pod.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The workload (Deployment, DaemonSet, StatefulSet) a pod belongs to, by the name its controller gives it. */
export function podWorkloadName(pod: KubeObject): string {
  const owner = (pod.metadata.ownerReferences as Array<{ kind?: string; name?: string }> | undefined)?.[0];
  if (!owner?.name) return pod.metadata.name;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) return owner.name.slice(0, -hash.length - 1);
  return owner.name;
}
