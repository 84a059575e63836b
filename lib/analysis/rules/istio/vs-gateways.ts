import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { hostsMatch } from '../../hosts';
import { list, obj, stringList } from '../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { vsGateways, vsHosts } from './vs-destinations';

/** 'ns/name' of a gateway reference ('name' is in the VirtualService's namespace). */
function gatewayKey(vsNamespace: string, gw: string): string {
  return gw.includes('/') ? gw : `${vsNamespace}/${gw}`;
}

/**
 * The hosts a Gateway offers to VirtualServices of `vsNamespace`: './h' means
 * the gateway's namespace, '*\/h' any namespace, 'ns/h' only ns.
 */
export function gatewayHostsFor(gw: ConfigObject, vsNamespace: string): string[] {
  const out: string[] = [];
  for (const server of list(obj(gw.spec)?.servers)) {
    for (const h of stringList(obj(server)?.hosts)) {
      const slash = h.indexOf('/');
      if (slash < 0) out.push(h);
      else {
        const ns = h.slice(0, slash);
        const name = h.slice(slash + 1);
        if (ns === '*' || (ns === '.' ? gw.namespace === vsNamespace : ns === vsNamespace)) out.push(name);
      }
    }
  }
  return out;
}

/**
 * IST0101 (gateway) and IST0132: every gateway a VirtualService binds to must
 * exist in its cluster, and offer at least one of the VirtualService's hosts.
 */
export function checkVirtualServiceGateways(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkVirtualServiceGatewaysIn));
}

/** IST0101 (gateway) and IST0132 in one cluster. */
export function checkVirtualServiceGatewaysIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const gateways = new Map(ctx.config(c, 'Gateway').map((g) => [`${g.namespace}/${g.name}`, g]));
  for (const vs of ctx.config(c, 'VirtualService')) {
    const at = [ref(c.name, 'VirtualService', vs.namespace, vs.name)];
    for (const name of vsGateways(vs)) {
      if (name === 'mesh') continue;
      const key = gatewayKey(vs.namespace, name);
      const gw = gateways.get(key);
      if (!gw && c.complete) out.push(istioFinding('IST0101', at, ['gateway', name], 'Create the Gateway or fix the reference (namespace/name for a Gateway in another namespace).'));
      const offered = gw ? gatewayHostsFor(gw, vs.namespace) : [];
      if ((gw || c.complete) && !offered.some((g) => vsHosts(vs).some((h) => hostsMatch(g, h)))) {
        const gwRef = ref(c.name, 'Gateway', key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1));
        out.push(istioFinding('IST0132', at, [vsHosts(vs), `${vs.namespace}/${vs.name}`, key], 'Add the host to a server of the Gateway, or change the VirtualService hosts to ones the Gateway serves.', [gwRef]));
      }
    }
  }
  return out;
}
