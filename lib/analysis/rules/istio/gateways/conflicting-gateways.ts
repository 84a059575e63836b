import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selectorString, selects } from '../../../hosts';
import type { ClusterView, ConfigObject, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { fullName, gatewaySelector, gatewayServers, podLabelsKept } from './gateway-spec';

/** The servers of all Gateways with one selector on one port. */
interface PortGroup {
  selector: Record<string, string>;
  port: number;
  /** Per Gateway: host -> bind, from the last of its servers on this port (as Istio keeps it). */
  hosts: Map<ConfigObject, Map<string, string>>;
}

/** Servers grouped by selector and port (a server without port counts as port 0, as Go reads it). */
function portGroups(gateways: readonly ConfigObject[]): PortGroup[] {
  const byKey = new Map<string, PortGroup>();
  for (const gw of gateways) {
    const selector = gatewaySelector(gw);
    for (const s of gatewayServers(gw)) {
      const port = s.port ?? 0;
      const key = `${selectorString(selector)}~${port}`;
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { selector, port, hosts: new Map() }));
      group.hosts.set(gw, new Map(s.hosts.map((h) => [h, s.bind])));
    }
  }
  return [...byKey.values()];
}

/**
 * Whether two selectors pick the same gateway pods: equal strings, or one
 * string contained in the other (Istio's test) with a pod matching both.
 * Undefined when the pods' labels cannot tell.
 */
function sameWorkload(c: ClusterView, a: Record<string, string>, b: Record<string, string>, seen: Map<string, boolean | undefined>): boolean | undefined {
  const sa = selectorString(a);
  const sb = selectorString(b);
  if (sa === sb) return true;
  if (!sa.includes(sb) && !sb.includes(sa)) return false;
  const key = `${sa}\n${sb}`;
  if (!seen.has(key)) {
    if (!podLabelsKept(c, [...Object.keys(a), ...Object.keys(b)])) seen.set(key, undefined);
    else seen.set(key, [...c.pods].some((p) => selects(a, p.labels) && selects(b, p.labels)));
  }
  return seen.get(key);
}

/**
 * gateway.ConflictingGatewayAnalyzer: IST0145 when two Gateways on the same
 * gateway pods and port serve a host with the same bind (Envoy gets
 * conflicting listeners); IST0101 for a Gateway without servers whose
 * selector no listener's selector shares.
 */
export function checkConflictingGateways(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkConflictingGatewaysIn));
}

/** gateway.ConflictingGatewayAnalyzer in one cluster. */
export function checkConflictingGatewaysIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const gateways = ctx.config(c, 'Gateway');
  const groups = portGroups(gateways);
  // Pod scans for narrowed selectors, once per pair of selectors.
  const seen = new Map<string, boolean | undefined>();
  const out: Finding[] = [];
  for (const gw of gateways) {
    const selector = gatewaySelector(gw);
    const sel = selectorString(selector);
    const at = [ref(c.name, 'Gateway', gw.namespace, gw.name)];
    const verdicts = groups.map((g) => sameWorkload(c, selector, g.selector, seen));
    const shared = groups.filter((_, i) => verdicts[i]);
    if (sel !== '' && shared.length === 0) {
      // Only a Gateway without servers gets here (its own servers share its selector).
      if (c.complete && !verdicts.includes(undefined)) out.push(istioFinding('IST0101', at, ['selector', sel], 'Fix the Gateway selector so it matches the gateway pods, or add servers to the Gateway.'));
      continue;
    }
    for (const server of gatewayServers(gw)) {
      const port = server.port ?? 0;
      const others: ConfigObject[] = [];
      for (const g of shared) {
        if (g.port !== port) continue;
        for (const [other, hosts] of g.hosts) {
          if (other !== gw && server.hosts.some((h) => hosts.has(h) && hosts.get(h) === server.bind)) others.push(other);
        }
      }
      if (others.length === 0) continue;
      out.push(istioFinding(
        'IST0145', at, [others.map(fullName).sort().join(','), sel, String(port), server.hosts.join(',')],
        'Give the gateways distinct hosts, ports or selectors, or merge them into one Gateway.',
        others.map((o) => ref(c.name, 'Gateway', o.namespace, o.name)),
      ));
    }
  }
  return out;
}
