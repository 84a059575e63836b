import 'server-only';
import type { SlimPod } from '../clusters/records';
import type { Workload } from '@/lib/fleet/workloads';
import type { ClusterStore } from './cluster-store';
import { workloadDataplane } from './ambient';

/** Istio's canonical service name of a pod's labels, with the workload name as the last resort. */
export function canonicalService(labels: Record<string, string>, fallback: string): string {
  return labels['service.istio.io/canonical-name'] ?? labels['app.kubernetes.io/name'] ?? labels.app ?? fallback;
}

/** Istio's canonical revision ('latest' when no version label is set). */
export function canonicalRevision(labels: Record<string, string>): string {
  return labels['service.istio.io/canonical-revision'] ?? labels['app.kubernetes.io/version'] ?? labels.version ?? 'latest';
}

/** The workloads of one cluster, each from its pods (and its Deployment's desired replicas), with its data-plane mode. */
export function clusterWorkloads(store: ClusterStore): Workload[] {
  const out: Workload[] = [];
  for (const [wk, podKeys] of store.podsByWorkload) {
    const pods = [...podKeys].map((k) => store.pods.get(k)).filter((p): p is SlimPod => p !== undefined);
    const first = pods[0];
    if (!first) continue;
    const [namespace = '', kind = '', name = ''] = wk.split('/');
    const dep = kind === 'Deployment' ? store.deployments.get(`${namespace}/${name}`) : undefined;
    out.push({
      cluster: store.cluster,
      namespace,
      kind,
      name,
      canonicalService: canonicalService(first.labels, name),
      canonicalRevision: canonicalRevision(first.labels),
      istioRevision: first.hasProxy ? (first.labels['istio.io/rev'] ?? 'default') : undefined,
      desiredReplicas: dep?.replicas,
      pods: pods.length,
      readyPods: pods.filter((p) => p.ready).length,
      proxies: pods.filter((p) => p.hasProxy).length,
      proxyVersions: [...new Set(pods.flatMap((p) => (p.hasProxy && p.proxyVersion ? [p.proxyVersion] : [])))].sort(),
      identity: first.labels.identity,
      dataplane: workloadDataplane(pods, store.namespaces.get(namespace)?.labels),
    });
  }
  // Deployments scaled to zero have no pods but are still workloads.
  for (const d of store.deployments.values()) {
    if (store.podsByWorkload.has(`${d.namespace}/Deployment/${d.name}`)) continue;
    out.push({
      cluster: store.cluster, namespace: d.namespace, kind: 'Deployment', name: d.name,
      canonicalService: canonicalService(d.labels, d.name), canonicalRevision: canonicalRevision(d.labels),
      desiredReplicas: d.replicas, pods: 0, readyPods: 0, proxies: 0, proxyVersions: [], identity: d.labels.identity,
      dataplane: workloadDataplane([], store.namespaces.get(d.namespace)?.labels, d),
    });
  }
  return out;
}
