import 'server-only';
import type { SlimDeployment, SlimPod, SlimResult } from '../records';
import { arr, meta, num, obj, str, strMap } from './read';

/** Pod labels the product reads; everything else is dropped on ingest. */
export const POD_LABELS: ReadonlySet<string> = new Set([
  'app',
  'app.kubernetes.io/name',
  'version',
  'app.kubernetes.io/version',
  'service.istio.io/canonical-name',
  'service.istio.io/canonical-revision',
  'istio.io/rev',
  'istio',
  'topology.istio.io/network',
  'security.istio.io/tlsMode',
  'sidecar.istio.io/inject',
  'identity',
  'admiral.io/env',
  'env',
]);
const POD_ANNOTATIONS: ReadonlySet<string> = new Set(['admiral.io/env', 'sidecar.istio.io/status']);

/** The tag of an image reference ('docker.io/istio/proxyv2:1.24.1' -> '1.24.1'). */
export function imageTag(image: string): string | undefined {
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : undefined;
}

/** A ReplicaSet's Deployment name: the ReplicaSet name without its pod-template hash suffix. */
function workloadOf(ownerKind: string | undefined, ownerName: string | undefined, pod: string, hash: string | undefined): { kind: string; name: string } {
  if (!ownerKind || !ownerName) return { kind: 'Pod', name: pod };
  if (ownerKind === 'ReplicaSet') {
    const suffix = hash ? `-${hash}` : undefined;
    if (suffix && ownerName.endsWith(suffix)) return { kind: 'Deployment', name: ownerName.slice(0, -suffix.length) };
    const i = ownerName.lastIndexOf('-');
    return { kind: 'Deployment', name: i > 0 ? ownerName.slice(0, i) : ownerName };
  }
  return { kind: ownerKind, name: ownerName };
}

/** Pod: a few labels, phase, readiness, owner workload, and the sidecar's version. */
export function slimPod(o: unknown): SlimResult<SlimPod> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const spec = obj(root.spec);
  if (!spec) return { ok: false, reason: 'spec missing' };
  const containers = arr(spec.containers);
  if (!containers) return { ok: false, reason: 'spec.containers is not a list' };
  const allLabels = strMap(md.m.labels);
  if (!allLabels) return { ok: false, reason: 'metadata.labels is not a map' };
  const labels = strMap(md.m.labels, POD_LABELS)!;
  const annotations = strMap(md.m.annotations, POD_ANNOTATIONS) ?? {};
  const status = obj(root.status) ?? {};
  let ready = false;
  for (const c of arr(status.conditions) ?? []) {
    const co = obj(c);
    if (co?.type === 'Ready') ready = co.status === 'True';
  }
  let hasProxy = false;
  let proxyVersion: string | undefined;
  // Native sidecars (init containers with restartPolicy Always) count too.
  for (const c of [...containers, ...(arr(spec.initContainers) ?? [])]) {
    const co = obj(c);
    const name = str(co?.name);
    const image = str(co?.image);
    if (name === 'istio-proxy' && image) {
      hasProxy = true;
      proxyVersion = imageTag(image);
    }
  }
  // istiod's own version, from its (first) container image.
  const first = obj(containers[0]);
  if (!hasProxy && (labels.app === 'istiod' || labels.istio === 'pilot') && str(first?.image)) proxyVersion = imageTag(first!.image as string);
  const owner = (arr(md.m.ownerReferences) ?? []).map(obj).find((r) => r?.controller === true) ?? obj(arr(md.m.ownerReferences)?.[0]);
  const workload = workloadOf(str(owner?.kind), str(owner?.name), md.name, allLabels['pod-template-hash']);
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      labels,
      phase: str(status.phase) ?? 'Unknown',
      ready,
      podIP: str(status.podIP),
      nodeName: str(spec.nodeName),
      serviceAccount: str(spec.serviceAccountName),
      workload,
      hasProxy,
      proxyVersion,
      annotations,
    },
  };
}

/** Deployment: desired and ready replica counts. */
export function slimDeployment(o: unknown): SlimResult<SlimDeployment> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const spec = obj(root.spec);
  if (!spec) return { ok: false, reason: 'spec missing' };
  const status = obj(root.status) ?? {};
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      labels: strMap(md.m.labels, POD_LABELS) ?? {},
      replicas: num(spec.replicas) ?? 1,
      readyReplicas: num(status.readyReplicas) ?? 0,
      availableReplicas: num(status.availableReplicas) ?? 0,
    },
  };
}
