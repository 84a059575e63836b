import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { routeDestinations } from './vs-destinations';

/** 'name.ns.svc.cluster.local' -> 'ns/name'; any other host is a name in the object's namespace (as Istio keys it). */
export function hostKey(namespace: string, host: string): string {
  const m = /^(.+)\.(.+)\.svc\.cluster\.local$/.exec(host);
  return m ? `${m[2]}/${m[1]}` : `${namespace}/${host}`;
}

/** 'ns/name+subset' of every subset the cluster's DestinationRules define. */
function definedSubsets(ctx: AnalysisContext, c: ClusterView): Set<string> {
  const out = new Set<string>();
  for (const dr of ctx.config(c, 'DestinationRule')) {
    const key = hostKey(dr.namespace, str(obj(dr.spec)?.host) ?? '');
    for (const s of list(obj(dr.spec)?.subsets)) out.add(`${key}+${str(obj(s)?.name) ?? ''}`);
  }
  return out;
}

/**
 * IST0101 (host+subset, mirror+subset): a VirtualService destination naming
 * a subset that no DestinationRule of its cluster defines for that host.
 */
export function checkVirtualServiceSubsetsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!c.complete) return [];
  const out: Finding[] = [];
  const subsets = definedSubsets(ctx, c);
  for (const vs of ctx.config(c, 'VirtualService')) {
    const at = [ref(c.name, 'VirtualService', vs.namespace, vs.name)];
    for (const d of routeDestinations(vs.spec)) {
      if (!d.subset || subsets.has(`${hostKey(vs.namespace, d.host)}+${d.subset}`)) continue;
      out.push(istioFinding('IST0101', at, [d.mirror ? 'mirror+subset in destinationrule' : 'host+subset in destinationrule', `${d.host}+${d.subset}`], `Define subset ${d.subset} in the DestinationRule for ${d.host || 'the host'}, or route to an existing subset.`));
    }
  }
  return out;
}
