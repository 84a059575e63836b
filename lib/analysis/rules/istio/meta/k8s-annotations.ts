import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { ClusterView, Finding } from '../../../types';
import { annotatedObjects, annotationDef, type AnnotatedObject } from './annotated-objects';
import { isIstioAnnotation, SET_BY_ISTIO } from './annotation-def';
import { ANNOTATION_VALUE_CHECKS } from './annotation-values';

const SIDECAR_INJECT = 'sidecar.istio.io/inject';

/** What Istio adds to the deprecation notice of some annotations. */
const DEPRECATION_EXTRA: Readonly<Record<string, string>> = {
  [SIDECAR_INJECT]: ' in favor of the "sidecar.istio.io/inject" label',
};

/** IST0108, IST0135, IST0107, IST0125 for one annotation, in Istio's order (each but IST0135 ends the checks). */
function checkAnnotation(cluster: string, o: AnnotatedObject, key: string, value: string): Finding[] {
  const at = [ref(cluster, o.kind, o.namespace, o.name)];
  const def = annotationDef(key);
  if (!def) return [istioFinding('IST0108', at, [key], 'Remove the annotation or correct its spelling (see istio.io/latest/docs/reference/config/annotations).')];
  const out: Finding[] = [];
  // Keeping the old annotation beside its replacement label is deliberate compatibility, not worth a notice.
  if (def.deprecated && !(key === SIDECAR_INJECT && SIDECAR_INJECT in o.labels)) {
    out.push(istioFinding('IST0135', at, [key, DEPRECATION_EXTRA[key] ?? ''], 'Replace the deprecated annotation with its successor named in the annotation reference, or remove it.'));
  }
  if (def.resources.includes('Any')) return out;
  const kinds = def.resources.filter((r) => r !== 'Unknown');
  if (!kinds.includes(o.kind)) {
    const where = o.kind === 'Deployment' && kinds.includes('Pod') ? ' (for a Deployment, under spec.template.metadata.annotations)' : '';
    out.push(istioFinding('IST0107', at, [key, kinds.join(', ')], `Move the annotation to the ${kinds.join(' or ')} it applies to${where}, or remove it.`));
    return out;
  }
  const problem = ANNOTATION_VALUE_CHECKS[key]?.(value);
  if (problem) out.push(istioFinding('IST0125', at, [key, problem], 'Correct the annotation value to the format the annotation reference gives.'));
  return out;
}

/** annotations.K8sAnalyzer in one cluster: unknown, deprecated, misplaced and invalid Istio annotations on Namespaces, Services, Pods and Deployments. */
export function checkK8sAnnotationsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const o of annotatedObjects(c)) {
    for (const [key, value] of Object.entries(o.annotations)) {
      if (!isIstioAnnotation(key) || SET_BY_ISTIO.has(key)) continue;
      out.push(...checkAnnotation(c.name, o, key, value));
    }
  }
  return out;
}
