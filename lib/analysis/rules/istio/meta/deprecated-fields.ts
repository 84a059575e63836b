import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, num, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';

/** Istio custom resource types removed from its CRDs (group, kind). */
const REMOVED_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['rbac.istio.io', 'ClusterRbacConfig'],
  ['rbac.istio.io', 'RbacConfig'],
  ['rbac.istio.io', 'ServiceRole'],
  ['rbac.istio.io', 'ServiceRoleBinding'],
];

const isIstioNetworking = (group: string) => group === 'networking.istio.io';

/** HTTP routes whose fault delay still uses the integer `percent`. */
function usesDelayPercent(spec: unknown): boolean {
  return list(obj(spec)?.http).some((route) => (num(obj(obj(obj(route)?.fault)?.delay)?.percent) ?? 0) > 0);
}

/** deprecation.FieldAnalyzer in one cluster: deprecated fields of VirtualServices and Sidecars, CRDs of removed types. */
export function checkDeprecatedFieldsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const o of c.config) {
    if (!isIstioNetworking(o.group)) continue;
    const at = [ref(c.name, o.kind, o.namespace, o.name)];
    if (o.kind === 'VirtualService' && usesDelayPercent(o.spec)) {
      out.push(istioFinding('IST0002', at, ['HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage'], 'Replace fault.delay.percent with fault.delay.percentage: {value: <percent>}.'));
    }
    if (o.kind === 'Sidecar' && obj(obj(obj(o.spec)?.outboundTrafficPolicy)?.egressProxy)) {
      out.push(istioFinding('IST0002', at, ['OutboundTrafficPolicy.EgressProxy ignored'], 'Remove outboundTrafficPolicy.egressProxy; Istio ignores it.'));
    }
  }
  for (const r of c.resources ?? []) {
    if (r.kind !== 'CustomResourceDefinition') continue;
    const spec = obj(r.body.spec);
    const group = str(spec?.group);
    const kind = str(obj(spec?.names)?.kind);
    if (!REMOVED_TYPES.some(([g, k]) => g === group && k === kind)) continue;
    out.push(istioFinding('IST0002', [ref(c.name, r.kind, r.namespace, r.name)], [`Custom resource type ${group} ${kind} is removed`], 'Delete the CRD and its resources; Istio no longer reads this type.'));
  }
  return out;
}
