import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { obj, strings } from '../../../spec';
import type { ClusterView, Finding, PodView } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { podLabelsKept } from './gateway-spec';

/** The label Kubernetes Gateway API implementations put on a Gateway's pods, naming the Gateway. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** The policy kinds (and their groups) that take a workload selector or a targetRef. */
export const SELECTOR_POLICY_KINDS = [
  ['AuthorizationPolicy', 'security.istio.io'],
  ['RequestAuthentication', 'security.istio.io'],
  ['Telemetry', 'telemetry.istio.io'],
  ['WasmPlugin', 'extensions.istio.io'],
] as const;

/** Pods of Kubernetes Gateways, by namespace. */
function gatewayPodsByNamespace(c: ClusterView): Map<string, PodView[]> {
  const out = new Map<string, PodView[]>();
  for (const p of c.pods) {
    if (p.labels[GATEWAY_NAME_LABEL] === undefined) continue;
    out.set(p.namespace, [...(out.get(p.namespace) ?? []), p]);
  }
  return out;
}

/**
 * k8sgateway.SelectorAnalyzer (IST0166): a policy that picks a Kubernetes
 * Gateway's pods with a workload selector (and no targetRef) does not apply
 * to them; Kubernetes Gateways are targeted with targetRef.
 */
export function checkKubernetesGatewaySelectors(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkKubernetesGatewaySelectorsIn));
}

/** k8sgateway.SelectorAnalyzer in one cluster. */
export function checkKubernetesGatewaySelectorsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  // Slim pods that drop the gateway-name label cannot show a Kubernetes Gateway's pods.
  if (!podLabelsKept(c, [GATEWAY_NAME_LABEL])) return [];
  const pods = gatewayPodsByNamespace(c);
  if (pods.size === 0) return [];
  const out: Finding[] = [];
  for (const [kind, group] of SELECTOR_POLICY_KINDS) {
    for (const policy of ctx.config(c, kind, group)) {
      const spec = obj(policy.spec);
      if (obj(spec?.targetRef) || !obj(spec?.selector)) continue;
      const matchLabels = strings(obj(spec?.selector)?.matchLabels);
      if (!podLabelsKept(c, Object.keys(matchLabels))) continue;
      for (const pod of pods.get(policy.namespace) ?? []) {
        if (!Object.entries(matchLabels).every(([k, v]) => pod.labels[k] === v)) continue;
        out.push(istioFinding(
          'IST0166', [ref(c.name, kind, policy.namespace, policy.name)], [pod.labels[GATEWAY_NAME_LABEL]!],
          'Replace the selector with a targetRef to the Kubernetes Gateway (kind: Gateway, group: gateway.networking.k8s.io).',
        ));
      }
    }
  }
  return out;
}
