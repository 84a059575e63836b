/** One of Istio's documented annotations, as istio/api's metadata describes it. */
export interface AnnotationDef {
  name: string;
  /** Alpha, Beta or Stable (Alpha when the metadata gives none, as istio/api generates it). */
  featureStatus: string;
  deprecated: boolean;
  /** Left out of the published reference. */
  hidden: boolean;
  /** Kinds it may be set on (Pod, Service, Namespace, ..., or Any). */
  resources: readonly string[];
}

/** The Kubernetes annotation Istio documents as its own (the one name outside istio.io). */
export const INGRESS_CLASS = 'kubernetes.io/ingress.class';

/** Whether an annotation is one Istio's analyzers look at: a prefix ending in istio.io, or the ingress class. */
export function isIstioAnnotation(key: string): boolean {
  if (key === INGRESS_CLASS) return true;
  // Istio splits on '/' and tests the first part, so a key without '/' is judged whole.
  return key.split('/')[0]!.endsWith('istio.io');
}

/**
 * Annotations Istio's components set on their own (injection status, the
 * gateway controller's version, the revision): never reported as unknown,
 * misplaced or alpha.
 */
export const SET_BY_ISTIO: ReadonlySet<string> = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);
