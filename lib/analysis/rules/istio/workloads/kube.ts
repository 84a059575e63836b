/**
 * Readers of Kubernetes objects shared by the workload analyzers: pod specs,
 * Deployment templates, label selectors, the sidecar injector's ConfigMaps.
 * Each returns undefined when the source does not keep what it reads (the
 * fleet model keeps no specs and no ConfigMaps), so rules can skip the check.
 */
import { list, obj, str, strings, type Obj } from '../../../spec';
import type { ClusterView, DeploymentView, KubeResource, NamespaceView, PodView } from '../../../types';

export { IGNORED_NAMESPACES } from '../../../mesh-config';

export const PROXY_CONTAINER = 'istio-proxy';
export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
export const SIDECAR_INJECT = 'sidecar.istio.io/inject';
export const GATEWAY_MANAGED_LABEL = 'gateway.istio.io/managed';
/** gateway.istio.io/managed value of waypoints. */
export const WAYPOINT_CONTROLLER = 'istio.io-mesh-controller';

/** Istio's test for control-plane objects: any `istio` label, or release=istio. */
export function isIstioControlPlane(labels: Record<string, string>): boolean {
  return 'istio' in labels || labels.release === 'istio';
}

/**
 * Whether the pod stands in for a workload's template (from-manifests with
 * podsFromWorkloads): it has not been through admission, so injection has
 * not happened yet and the workload itself is what Istio checks.
 */
export function isTemplatePod(p: PodView): boolean {
  return p.workload !== undefined && p.name === `${p.workload.name}-template`;
}

/** A pod's spec, when the source keeps it. */
export function podSpecOf(p: PodView): Obj | undefined {
  return p.spec === undefined ? undefined : (obj(p.spec) ?? {});
}

/** The containers of a pod spec (`spec.containers`), as objects. */
export function containersOf(spec: Obj): Obj[] {
  return list(spec.containers).map((c) => obj(c) ?? {});
}

/** Containers then init containers (native sidecars are init containers). */
export function allContainersOf(spec: Obj): Obj[] {
  return [...containersOf(spec), ...list(spec.initContainers).map((c) => obj(c) ?? {})];
}

/** The image of the first istio-proxy container ('' when there is none or it has no image). */
export function proxyImageOf(containers: Obj[]): string {
  return str(containers.find((c) => c.name === PROXY_CONTAINER)?.image) ?? '';
}

/** A Deployment's pod template, when the source keeps the spec. */
export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: Obj;
}

export function templateOf(d: DeploymentView): PodTemplate | undefined {
  if (d.spec === undefined) return undefined;
  const template = obj(obj(d.spec)?.template) ?? {};
  const meta = obj(template.metadata) ?? {};
  return { labels: strings(meta.labels), annotations: strings(meta.annotations), spec: obj(template.spec) ?? {} };
}

/** Istio's analyzers read apps/v1 Deployments only (not StatefulSets, DaemonSets, ...). */
export function isDeployment(d: DeploymentView): boolean {
  return (d.kind ?? 'Deployment') === 'Deployment';
}

/** Namespaces by name. */
export function namespacesByName(c: ClusterView): Map<string, NamespaceView> {
  return new Map([...c.namespaces].map((n) => [n.name, n]));
}

/** Whether a key is present (an empty value counts, as Go's `_, ok := m[k]`). */
export function has(m: Record<string, string> | undefined, key: string): boolean {
  return m !== undefined && Object.prototype.hasOwnProperty.call(m, key);
}

/** Objects of one kind among the cluster's whole resources; undefined when the source keeps none. */
export function resourcesOfKind(c: ClusterView, kind: string): KubeResource[] | undefined {
  if (!c.resources) return undefined;
  return [...c.resources].filter((r) => r.kind === kind);
}

/** The injector ConfigMap Istio reads for a revision ('' and 'default' mean the default one). */
export function injectorConfigMapName(revision: string): string {
  return revision === '' || revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`;
}

/** The `values` key of an injector ConfigMap, parsed (Helm values as JSON), or undefined. */
export function injectorValues(cm: KubeResource): Obj | undefined {
  const text = str(obj(cm.body.data)?.values);
  if (text === undefined) return undefined;
  try {
    return obj(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
