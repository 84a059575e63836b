import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import type { ClusterView, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { KNOWN_ISTIO_ANNOTATIONS } from './known-annotations';

/** Whether an annotation is in Istio's namespace (a prefix ending in istio.io). */
export function isIstioAnnotation(key: string): boolean {
  const slash = key.indexOf('/');
  return slash > 0 && key.slice(0, slash).endsWith('istio.io');
}

/** IST0108: annotations in Istio's namespace that Istio does not define, on Namespaces, Services, Pods and Deployments. */
export function checkUnknownAnnotations(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkUnknownAnnotationsIn));
}

/** IST0108 in one cluster. */
export function checkUnknownAnnotationsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const sources: Array<[string, Iterable<{ namespace?: string; name: string; annotations?: Record<string, string> }>]> = [
    ['Namespace', c.namespaces],
    ['Service', c.services],
    ['Pod', c.pods],
    ['Deployment', c.deployments],
  ];
  for (const [kind, items] of sources) {
    for (const o of items) {
      for (const key of Object.keys(o.annotations ?? {})) {
        if (!isIstioAnnotation(key) || KNOWN_ISTIO_ANNOTATIONS.has(key)) continue;
        out.push(istioFinding('IST0108', [ref(c.name, kind, kind === 'Namespace' ? '' : o.namespace, o.name)], [key], 'Remove the annotation or correct its spelling (see istio.io/latest/docs/reference/config/annotations).'));
      }
    }
  }
  return out;
}
