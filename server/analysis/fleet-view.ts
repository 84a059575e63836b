import 'server-only';
import type { ClusterView, ConfigObject, ControlPlaneView } from '@/lib/analysis/types';
import { istiodPodsByRevision } from '../clusters/istiod-poller';
import { builtinKinds } from '../clusters/kinds';
import { POD_LABELS } from '../clusters/slim/workloads';
import { clusterMesh, clusterNetwork } from '../fleet/clusters';
import type { ClusterEntry } from '../fleet/model';

/** The namespace the fleet watches Secrets in (the Istio namespace only). */
const SECRET_NAMESPACES: ReadonlySet<string> = new Set(builtinKinds().filter((k) => k.role === 'secrets' && k.namespace).map((k) => k.namespace!));

/** A re-iterable view over a Map's values: rules read the model's records in place, nothing is copied. */
function values<T>(m: Map<string, T>): Iterable<T> {
  return { [Symbol.iterator]: () => m.values() };
}

function* configObjects(e: ClusterEntry): Generator<ConfigObject> {
  for (const table of e.store.config.values()) yield* table.values();
}

/** istiod revisions from pods and polls: the polled /version wins over the image tag. */
function controlPlanes(e: ClusterEntry): ControlPlaneView[] {
  const pods = istiodPodsByRevision(e.store.pods.values());
  const out: ControlPlaneView[] = [];
  for (const revision of new Set([...pods.keys(), ...e.controlPlanes.keys()])) {
    const poll = e.controlPlanes.get(revision);
    const first = pods.get(revision)?.[0];
    out.push({
      revision,
      namespace: poll?.namespace ?? first?.namespace ?? 'istio-system',
      state: poll?.state ?? 'pending',
      version: poll?.version ?? first?.proxyVersion,
      clusters: poll?.clusters ?? [],
      gateways: poll?.gateways ?? [],
      proxies: poll?.proxies ?? [],
    });
  }
  return out;
}

/**
 * The analysis view of one cluster of the fleet model. Complete only when
 * every watched kind has synced and the cluster is ok or merely stale, so
 * rules that conclude from absence skip clusters still syncing or down.
 */
export function clusterViewOf(e: ClusterEntry, now = Date.now()): ClusterView {
  const cond = e.view.condition(now);
  return {
    name: e.info.name,
    mesh: clusterMesh(e),
    network: clusterNetwork(e),
    complete: (cond.phase === 'ok' || cond.phase === 'stale') && cond.syncedKinds > 0 && cond.syncedKinds === cond.totalKinds,
    podLabelKeys: POD_LABELS,
    secretNamespaces: SECRET_NAMESPACES,
    namespaces: values(e.store.namespaces),
    // Slim Services keep status.conditions (istio.io/WaypointBound): their `status` is ServiceView.status, which IST0171 reads.
    services: values(e.store.services),
    pods: values(e.store.pods),
    deployments: values(e.store.deployments),
    nodes: values(e.store.nodes),
    config: { [Symbol.iterator]: () => configObjects(e) },
    rootCerts: values(e.store.rootCerts),
    secrets: values(e.store.secrets),
    meshConfigs: values(e.store.meshConfigs),
    controlPlanes: controlPlanes(e),
    // The default revision's mesh config, as istiod reads it (absent: Istio's defaults).
    meshConfig: [...e.store.meshConfigs.values()].find((m) => m.name === 'istio')?.settings,
  };
}
