import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { serviceOfFqdn, toFqdn } from '../../hosts';
import type { ClusterView, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { vsDestinations, vsGateways, vsHosts } from '../istio/routing/vs-destinations';

/**
 * MG0015: a cluster routes to a host (mesh-bound VirtualService hosts and
 * destinations) whose Service exists only in other clusters of the mesh.
 * Without a local Service the client's DNS lookup fails before the sidecar
 * can route, unless DNS proxying is on.
 */
export function checkRemoteOnlyServices(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkRemoteOnlyServicesIn));
}

/** MG0015 in one cluster. */
export function checkRemoteOnlyServicesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (ctx.clusters.length < 2) return [];
  const out: Finding[] = [];
  if (!c.complete) return out;
  const services = ctx.meshServices();
  const reported = new Set<string>();
  for (const vs of ctx.config(c, 'VirtualService')) {
    const gws = vsGateways(vs);
    if (gws.length > 0 && !gws.includes('mesh')) continue;
    for (const host of [...vsHosts(vs), ...vsDestinations(vs.spec).map((d) => d.host)]) {
      const fqdn = toFqdn(vs.namespace, host);
      const svc = serviceOfFqdn(fqdn);
      const where = services.get(fqdn);
      if (!svc || !where || reported.has(fqdn) || where.some((w) => w.cluster === c.name)) continue;
      reported.add(fqdn);
      const remote = [...new Set(where.map((w) => w.cluster))].sort();
      out.push(meshFinding('MG0015', [ref(c.name, 'VirtualService', vs.namespace, vs.name), ...remote.map((r) => ref(r, 'Service', svc.namespace, svc.name))], `${c.name} routes to ${fqdn} (VirtualService ${vs.namespace}/${vs.name}), but the Service exists only in ${remote.join(', ')}; clients in ${c.name} cannot resolve the name without a local Service or DNS proxying.`));
    }
  }
  return out;
}
