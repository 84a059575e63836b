import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { list, num, obj, str, strings } from '../../spec';
import type { ClusterView, Finding } from '../../types';
import { ISTIO_SYSTEM } from './util';
import { clusterUnits, runUnits } from '../../units';

const NETWORK = 'topology.istio.io/network';

/** The distinct networks of a mesh; more than one makes it a multi-network mesh. */
export function meshNetworks(ctx: AnalysisContext): Set<string> {
  return new Set(ctx.clusters.map((c) => c.network).filter((n): n is string => !!n));
}

const eastWest = (c: ClusterView) => [...c.services].filter((s) => s.labels.istio === 'eastwestgateway');

/** MG0003 and MG0004: in a multi-network mesh every cluster names its network, and names it the same way everywhere. */
export function checkNetworkLabels(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkNetworkLabelsIn));
}

/** MG0003 and MG0004 in one cluster. */
export function checkNetworkLabelsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const nets = ctx.memo('networks', () => meshNetworks(ctx));
  if (nets.size < 2) return out;
  if (!c.network) {
    out.push(meshFinding('MG0003', [ref(c.name, 'Namespace', '', ISTIO_SYSTEM)], `Cluster ${c.name} has no ${NETWORK} label in mesh ${ctx.mesh}, whose clusters span networks ${[...nets].sort().join(', ')}; istiod treats its endpoints as directly reachable and cross-network calls fail.`));
    return out;
  }
  for (const s of eastWest(c)) {
    const n = s.labels[NETWORK];
    if (n && n !== c.network) out.push(meshFinding('MG0004', [ref(c.name, 'Service', s.namespace, s.name)], `East-west gateway ${s.namespace}/${s.name} in ${c.name} is labelled network ${n}, but the cluster's network is ${c.network}.`));
  }
  const odd = new Map<string, { network: string; count: number }>();
  for (const p of c.pods) {
    const n = p.labels[NETWORK];
    if (!n || n === c.network) continue;
    const e = odd.get(p.namespace) ?? { network: n, count: 0 };
    e.count++;
    odd.set(p.namespace, e);
  }
  for (const [ns, e] of odd) out.push(meshFinding('MG0004', [ref(c.name, 'Namespace', '', ns)], `${e.count} pod(s) in ${c.name}/${ns} carry network ${e.network}, but the cluster's network is ${c.network}.`));
  return out;
}

/** MG0005 and MG0006: in a multi-network mesh each network's cluster needs an east-west gateway with an address. */
export function checkEastWestGateways(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkEastWestGatewaysIn));
}

/** MG0005 and MG0006 in one cluster. */
export function checkEastWestGatewaysIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  if (ctx.memo('networks', () => meshNetworks(ctx)).size < 2) return out;
  if (!c.network) return out;
  const gws = eastWest(c);
  if (gws.length === 0) {
    if (c.complete) out.push(meshFinding('MG0005', [ref(c.name, 'Namespace', '', ISTIO_SYSTEM)], `Cluster ${c.name} (network ${c.network}) has no east-west gateway Service (label istio=eastwestgateway); other networks cannot reach its workloads.`));
    return out;
  }
  if (gws.some((s) => s.externalAddresses.length > 0)) return out;
  for (const s of gws) {
    out.push(meshFinding('MG0006', [ref(c.name, 'Service', s.namespace, s.name)], `East-west gateway ${s.namespace}/${s.name} in ${c.name} has no ingress address. The address of the gateway for the remote network cannot be determined, so clusters on other networks lose the endpoints of network ${c.network}.`));
  }
  return out;
}

/** Whether a Gateway passes mTLS through on 15443 for the east-west gateway. */
export function isCrossNetworkGateway(spec: unknown): boolean {
  const s = obj(spec);
  if (strings(s?.selector).istio !== 'eastwestgateway') return false;
  return list(s?.servers).some((srv) => num(obj(obj(srv)?.port)?.number) === 15443 && str(obj(obj(srv)?.tls)?.mode) === 'AUTO_PASSTHROUGH');
}

/** MG0007: in a multi-network mesh each cluster with a network needs the 15443 AUTO_PASSTHROUGH Gateway. */
export function checkCrossNetworkGateway(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkCrossNetworkGatewayIn));
}

/** MG0007 in one cluster. */
export function checkCrossNetworkGatewayIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  if (ctx.memo('networks', () => meshNetworks(ctx)).size < 2) return out;
  if (!c.network || !c.complete || eastWest(c).length === 0) return out;
  if (ctx.config(c, 'Gateway').some((g) => isCrossNetworkGateway(g.spec))) return out;
  out.push(meshFinding('MG0007', [ref(c.name, 'Namespace', '', ISTIO_SYSTEM)], `Cluster ${c.name} has an east-west gateway but no Gateway exposing port 15443 with tls.mode AUTO_PASSTHROUGH; cross-network requests into ${c.network} are refused.`));
  return out;
}
