import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { toFqdn } from '../../hosts';
import { obj, stringList } from '../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { vsGateways, vsHosts } from './vs-destinations';

/** The namespaces a VirtualService's hosts are visible in ('*' for all). */
function scopes(vs: ConfigObject): string[] {
  const exportTo = stringList(obj(vs.spec)?.exportTo);
  if (exportTo.length === 0 || exportTo.includes('*')) return ['*'];
  return [...new Set(exportTo.map((e) => (e === '.' ? vs.namespace : e)))];
}

/**
 * IST0109: VirtualServices bound to the mesh gateway (no gateways, or 'mesh')
 * that claim the same host in the same visibility scope, within one cluster
 * (each istiod merges only its own cluster's config).
 */
export function checkMeshGatewayHosts(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkMeshGatewayHostsIn));
}

/** IST0109 in one cluster. */
export function checkMeshGatewayHostsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const byHost = new Map<string, ConfigObject[]>();
  for (const vs of ctx.config(c, 'VirtualService')) {
    const gws = vsGateways(vs);
    if (gws.length > 0 && !gws.includes('mesh')) continue;
    for (const scope of scopes(vs)) {
      for (const h of vsHosts(vs)) {
        const key = `${scope}/${toFqdn(vs.namespace, h)}`;
        const arr = byHost.get(key) ?? [];
        if (!arr.includes(vs)) arr.push(vs);
        byHost.set(key, arr);
      }
    }
  }
  for (const [scoped, list] of byHost) {
    if (list.length < 2) continue;
    const names = list.map((v) => `${v.namespace}/${v.name}`).join(',');
    const named = list.map((v) => ref(c.name, 'VirtualService', v.namespace, v.name));
    for (const subject of named) {
      out.push(istioFinding('IST0109', [subject], [names, scoped], 'Merge the VirtualServices for this host into one resource (or use delegation).', named.filter((o) => o !== subject)));
    }
  }
  return out;
}
