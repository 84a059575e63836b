import 'server-only';
import type { SlimDeployment, SlimPod, SlimResult } from '../records';
import { analysisPodSpec } from './analysis-spec';
import { EMPTY_MAP, intern, internMap, internOwner, internPicked, internValue, lastMapSlot } from './intern';
import { arr, isMapOrAbsent, meta, num, obj, str, strMap } from './read';

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
  'gateway.networking.k8s.io/gateway-name',
  'istio.io/dataplane-mode',
  'istio.io/use-waypoint',
]);

/**
 * Pod (and pod template) annotations kept: admiral.io/env and Istio's own
 * (any `*istio.io/` key, which the annotation analyzers judge), but not
 * sidecar.istio.io/status, which the injector writes on every pod (~200 bytes)
 * and no reader uses.
 */
export function keptAnnotation(key: string): boolean {
  if (key === 'sidecar.istio.io/status') return false;
  return key === 'admiral.io/env' || key === 'kubernetes.io/ingress.class' || /^([a-z0-9.-]+\.)?istio\.io\//.test(key);
}

function pickAnnotations(raw: Record<string, unknown> | undefined, slot: ReturnType<typeof lastMapSlot>): Readonly<Record<string, string>> {
  if (!raw) return EMPTY_MAP;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && keptAnnotation(k)) out[k] = v;
  return internMap(out, slot);
}

const labelSlot = lastMapSlot();
const annotationSlot = lastMapSlot();
const templateLabelSlot = lastMapSlot();
const templateAnnotationSlot = lastMapSlot();

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
    if (suffix && ownerName.endsWith(suffix)) return internOwner('Deployment', ownerName.slice(0, -suffix.length));
    const i = ownerName.lastIndexOf('-');
    return internOwner('Deployment', i > 0 ? ownerName.slice(0, i) : ownerName);
  }
  return internOwner(ownerKind, ownerName);
}

/** The controller owner reference, else the first one. */
function ownerOf(refs: unknown): Record<string, unknown> | undefined {
  const list = arr(refs);
  if (!list) return undefined;
  for (const r of list) {
    const ro = obj(r);
    if (ro?.controller === true) return ro;
  }
  return obj(list[0]);
}

/** The istio-proxy container (native sidecars, i.e. init containers with restartPolicy Always, count too). */
function proxyImage(containers: unknown[], initContainers: unknown[] | undefined): { found: boolean; image?: string } {
  let found: { found: boolean; image?: string } = { found: false };
  for (const list of [containers, initContainers ?? []]) {
    for (const c of list) {
      const co = obj(c);
      const image = str(co?.image);
      if (image && co!.name === 'istio-proxy') found = { found: true, image };
    }
  }
  return found;
}

/**
 * Pod: a few labels, phase, readiness, owner workload, and the sidecar's
 * version. Repeated values (labels, owner, node, version) are interned: every
 * pod of a workload shares them (docs/benchmarks.md, L memory).
 */
export function slimPod(o: unknown): SlimResult<SlimPod> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const spec = obj(root.spec);
  if (!spec) return { ok: false, reason: 'spec missing' };
  const containers = arr(spec.containers);
  if (!containers) return { ok: false, reason: 'spec.containers is not a list' };
  if (!isMapOrAbsent(md.m.labels)) return { ok: false, reason: 'metadata.labels is not a map' };
  const rawLabels = obj(md.m.labels);
  const labels = rawLabels ? internPicked(rawLabels, POD_LABELS, labelSlot) : EMPTY_MAP;
  const annotations = pickAnnotations(obj(md.m.annotations), annotationSlot);
  const status = obj(root.status) ?? {};
  let ready = false;
  for (const c of arr(status.conditions) ?? []) {
    const co = obj(c);
    if (co?.type === 'Ready') ready = co.status === 'True';
  }
  const proxy = proxyImage(containers, arr(spec.initContainers));
  let proxyVersion = proxy.image ? imageTag(proxy.image) : undefined;
  // istiod's own version, from its (first) container image.
  const first = obj(containers[0]);
  if (!proxy.found && (labels.app === 'istiod' || labels.istio === 'pilot') && str(first?.image)) proxyVersion = imageTag(first!.image as string);
  const owner = ownerOf(md.m.ownerReferences);
  const hash = str(rawLabels?.['pod-template-hash']);
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      labels,
      phase: intern(str(status.phase) ?? 'Unknown'),
      ready,
      nodeName: intern(str(spec.nodeName)),
      workload: workloadOf(str(owner?.kind), str(owner?.name), md.name, hash),
      hasProxy: proxy.found,
      proxyVersion: intern(proxyVersion),
      annotations,
      spec: analysisPodSpec(spec, labels.app === 'istiod'),
    },
  };
}

/** Deployment: desired and ready replica counts, container images and pod template labels (the change history's inputs). */
export function slimDeployment(o: unknown): SlimResult<SlimDeployment> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const spec = obj(root.spec);
  if (!spec) return { ok: false, reason: 'spec missing' };
  const status = obj(root.status) ?? {};
  const template = obj(spec.template);
  const templateMeta = obj(template?.metadata);
  const templateLabels = internMap(strMap(templateMeta?.labels) ?? {}, templateLabelSlot);
  const images: string[] = [];
  for (const c of arr(obj(template?.spec)?.containers) ?? []) {
    const image = str(obj(c)?.image);
    if (image) images.push(intern(image));
  }
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      labels: internMap(strMap(md.m.labels, POD_LABELS) ?? {}),
      replicas: num(spec.replicas) ?? 1,
      readyReplicas: num(status.readyReplicas) ?? 0,
      availableReplicas: num(status.availableReplicas) ?? 0,
      images,
      templateLabels,
      // The template as the workload analyzers read it (DeploymentView.spec): labels, kept annotations, the analysis part of its spec.
      spec: internValue({
        ...(obj(spec.selector) ? { selector: spec.selector } : {}),
        template: { metadata: { labels: templateLabels, annotations: pickAnnotations(obj(templateMeta?.annotations), templateAnnotationSlot) }, spec: analysisPodSpec(obj(template?.spec) ?? {}, templateLabels.app === 'istiod') },
      }),
    },
  };
}
