import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { selectorString, selects } from '../../hosts';
import { list, num, obj, strings } from '../../spec';
import type { ClusterView, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';

/** Whether the cluster's pods keep every key of the selector (slimmed pods drop most labels). */
export function canEvaluate(c: ClusterView, selector: Record<string, string>): boolean {
  return !c.podLabelKeys || Object.keys(selector).every((k) => c.podLabelKeys!.has(k));
}

/**
 * IST0101 (selector) and IST0162: a Gateway's selector must match pods in its
 * cluster, and each server port must be a target port of a Service in front
 * of those pods.
 */
export function checkGatewayPorts(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkGatewayPortsIn));
}

/** IST0101 (selector) and IST0162 in one cluster. */
export function checkGatewayPortsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  if (!c.complete) return out;
  const services = [...c.services];
  for (const gw of ctx.config(c, 'Gateway')) {
    const selector = strings(obj(gw.spec)?.selector);
    if (!canEvaluate(c, selector)) continue;
    const at = [ref(c.name, 'Gateway', gw.namespace, gw.name)];
    let matched = 0;
    const ports = new Set<number>();
    for (const p of c.pods) {
      if (!selects(selector, p.labels)) continue;
      matched++;
      for (const s of services) {
        if (s.namespace !== p.namespace || !s.selector || !selects(s.selector, p.labels)) continue;
        for (const sp of s.ports) if (sp.protocol.toUpperCase() === 'TCP') ports.add(num(sp.targetPort) || sp.port);
      }
    }
    const sel = selectorString(selector);
    if (matched === 0) {
      out.push(istioFinding('IST0101', at, ['selector', sel], 'Fix the Gateway selector so it matches the gateway pods (kubectl get pods -l <selector> -A).'));
      continue;
    }
    for (const s of list(obj(gw.spec)?.servers)) {
      const port = num(obj(obj(s)?.port)?.number);
      if (port !== undefined && !ports.has(port)) out.push(istioFinding('IST0162', at, [port, sel], 'Add the port (as targetPort) to the gateway\'s Service, or listen on a port the Service exposes.'));
    }
  }
  return out;
}
