import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { annotatedObjects, annotationDef, type AnnotatedObject } from './annotated-objects';
import { isIstioAnnotation, SET_BY_ISTIO } from './annotation-def';

export const ALPHA_ANALYZER = 'maturity.AlphaAnalyzer';

/** Annotations the injector itself writes on pods when istio-cni does the redirection. */
const SET_WITH_CNI: ReadonlySet<string> = new Set([
  'sidecar.istio.io/interceptionMode',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/includeOutboundIPRanges',
]);

/** A pod without the istio-init container has its traffic redirected by istio-cni; a pod without a known spec counts as such (no false notices). */
function usesCni(o: AnnotatedObject): boolean {
  if (o.kind !== 'Pod') return false;
  const spec = obj(o.podSpec);
  if (!spec) return true;
  return !list(spec.initContainers).some((c) => obj(c)?.name === 'istio-init');
}

/**
 * maturity.AlphaAnalyzer in one cluster: annotations of alpha-phase features.
 * Like istioctl, which leaves this analyzer out of `analyze` because
 * defaults set such annotations everywhere, it runs only when asked for by
 * name (AnalysisOptions.analyzers).
 */
export function checkAlphaAnnotationsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!ctx.options.analyzers?.has(ALPHA_ANALYZER)) return [];
  const out: Finding[] = [];
  for (const o of annotatedObjects(c)) {
    const cni = usesCni(o);
    for (const key of Object.keys(o.annotations)) {
      if (!isIstioAnnotation(key) || annotationDef(key)?.featureStatus !== 'Alpha') continue;
      if (SET_BY_ISTIO.has(key) || (cni && SET_WITH_CNI.has(key))) continue;
      out.push(istioFinding('IST0136', [ref(c.name, o.kind, o.namespace, o.name)], [key], 'Be aware the feature may change or go away; remove the annotation if you do not rely on it.'));
    }
  }
  return out;
}
