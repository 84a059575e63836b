import type { ClusterView } from '../../../types';
import { ISTIO_ANNOTATIONS } from './annotation-catalogue';
import type { AnnotationDef } from './annotation-def';

/** An object whose annotations Istio's annotation analyzers read. */
export interface AnnotatedObject {
  kind: 'Namespace' | 'Service' | 'Pod' | 'Deployment';
  /** Empty for Namespaces. */
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The pod's spec, when the source keeps it (Pods only). */
  podSpec?: unknown;
}

/** Namespaces, Services, Pods and Deployments (not other workload kinds, as Istio reads them) with annotations. */
export function* annotatedObjects(c: ClusterView): Generator<AnnotatedObject> {
  for (const n of c.namespaces) if (n.annotations) yield { kind: 'Namespace', namespace: '', name: n.name, labels: n.labels, annotations: n.annotations };
  for (const s of c.services) if (s.annotations) yield { kind: 'Service', namespace: s.namespace, name: s.name, labels: s.labels, annotations: s.annotations };
  for (const p of c.pods) if (p.annotations) yield { kind: 'Pod', namespace: p.namespace, name: p.name, labels: p.labels, annotations: p.annotations, podSpec: p.spec };
  for (const d of c.deployments) {
    if (d.annotations && (d.kind ?? 'Deployment') === 'Deployment') yield { kind: 'Deployment', namespace: d.namespace, name: d.name, labels: d.labels, annotations: d.annotations };
  }
}

const BY_NAME = new Map(ISTIO_ANNOTATIONS.map((a) => [a.name, a]));

/** Istio's definition of an annotation, if it has one. */
export function annotationDef(name: string): AnnotationDef | undefined {
  return BY_NAME.get(name);
}
