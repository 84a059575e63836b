import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selectorString, selects } from '../../../hosts';
import { num } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, PodView, ServiceView } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { gatewaySelector, gatewayServers, podLabelsKept, selectedPods } from './gateway-spec';

/**
 * The ports a gateway's Services offer its pods: every TCP port of a Service
 * in the pod's namespace that selects it, both the target port (where the
 * proxy listens) and the Service port. Undefined when a Service selector
 * reads labels the cluster's pods do not keep.
 */
function offeredPorts(services: readonly ServiceView[], c: ClusterView, pods: readonly PodView[]): Set<number> | undefined {
  const ports = new Set<number>();
  for (const p of pods) {
    for (const s of services) {
      if (s.namespace !== p.namespace) continue;
      // As Istio reads it, a Service without selector matches every pod.
      if (!podLabelsKept(c, Object.keys(s.selector ?? {}))) return undefined;
      if (!selects(s.selector, p.labels)) continue;
      for (const sp of s.ports) {
        if (sp.protocol !== 'TCP') continue;
        ports.add(sp.port);
        const target = num(sp.targetPort);
        if (target) ports.add(target);
      }
    }
  }
  return ports;
}

/** IST0101 (selector) and IST0162 for one Gateway. */
function checkGateway(c: ClusterView, services: readonly ServiceView[], gw: ConfigObject): Finding[] {
  const selector = gatewaySelector(gw);
  if (!podLabelsKept(c, Object.keys(selector))) return [];
  const at = [ref(c.name, 'Gateway', gw.namespace, gw.name)];
  const sel = selectorString(selector);
  const pods = [...selectedPods(c, selector)];
  if (pods.length === 0) {
    return [istioFinding('IST0101', at, ['selector', sel], 'Fix the Gateway selector so it matches the gateway pods (kubectl get pods -l <selector> -A).')];
  }
  const ports = offeredPorts(services, c, pods);
  if (!ports) return [];
  return gatewayServers(gw)
    .filter((s) => s.port !== undefined && !ports.has(s.port))
    .map((s) => istioFinding('IST0162', at, [s.port!, sel], 'Add the port to the gateway\'s Service (as port or targetPort), or listen on a port the Service exposes.'));
}

/**
 * gateway.IngressGatewayPortAnalyzer: a Gateway's selector must match pods,
 * and each server port must be a port or target port of a Service in front
 * of those pods.
 */
export function checkGatewayPorts(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkGatewayPortsIn));
}

/** gateway.IngressGatewayPortAnalyzer in one cluster. */
export function checkGatewayPortsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  // Both codes conclude from something missing.
  if (!c.complete) return [];
  const services = [...c.services];
  return ctx.config(c, 'Gateway').flatMap((gw) => checkGateway(c, services, gw));
}
