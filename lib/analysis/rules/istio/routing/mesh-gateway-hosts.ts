import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { hostsMatch, toFqdn } from '../../../hosts';
import { obj, stringList } from '../../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { vsGateways, vsHosts } from './vs-destinations';

const ALL = '*';

/** The namespaces a VirtualService's hosts are visible in ('*' for all). */
function scopes(vs: ConfigObject): string[] {
  const exportTo = stringList(obj(vs.spec)?.exportTo);
  if (exportTo.length === 0 || exportTo.includes(ALL)) return [ALL];
  return [...new Set(exportTo.map((e) => (e === '.' ? vs.namespace : e)))];
}

const boundToMesh = (vs: ConfigObject) => {
  const gws = vsGateways(vs);
  return gws.length === 0 || gws.includes('mesh');
};

/** Mesh-bound VirtualServices by 'scope/fqdn', in the order met (a VirtualService listing a host twice counts twice, as in Istio). */
function meshHosts(vss: ConfigObject[]): Map<string, ConfigObject[]> {
  const out = new Map<string, ConfigObject[]>();
  for (const vs of vss) {
    if (!boundToMesh(vs)) continue;
    for (const scope of scopes(vs)) {
      for (const h of vsHosts(vs)) {
        const key = `${scope}/${toFqdn(vs.namespace, h)}`;
        out.set(key, [...(out.get(key) ?? []), vs]);
      }
    }
  }
  return out;
}

/** The mesh-bound VirtualServices exported to all whose host overlaps a given host (exact hosts by lookup, wildcards by scan). */
function exportedToAll(byHost: Map<string, ConfigObject[]>): (host: string) => ConfigObject[] {
  const exact = new Map<string, ConfigObject[]>();
  const wildcards: Array<[string, ConfigObject[]]> = [];
  for (const [key, vss] of byHost) {
    if (!key.startsWith(`${ALL}/`)) continue;
    const host = key.slice(2);
    if (host.startsWith(ALL)) wildcards.push([host, vss]);
    else exact.set(host, vss);
  }
  return (host) => {
    if (host.startsWith(ALL)) return [...exact, ...wildcards].filter(([h]) => hostsMatch(host, h)).flatMap(([, v]) => v);
    return [...(exact.get(host) ?? []), ...wildcards.filter(([h]) => hostsMatch(host, h)).flatMap(([, v]) => v)];
  };
}

/**
 * IST0109: VirtualServices bound to the mesh gateway (no gateways, or 'mesh')
 * that claim the same host where both are visible: in one namespace scope,
 * or one scope and a host exported to all that overlaps it; within one
 * cluster (each istiod merges only its own cluster's config). Each
 * VirtualService is reported once.
 */
export function checkMeshGatewayHosts(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkMeshGatewayHostsIn));
}

/** IST0109 in one cluster. */
export function checkMeshGatewayHostsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const byHost = meshHosts(ctx.config(c, 'VirtualService'));
  const toAll = exportedToAll(byHost);
  const reported = new Set<ConfigObject>();
  for (const [scoped, own] of byHost) {
    const slash = scoped.indexOf('/');
    const conflicting = scoped.slice(0, slash) === ALL ? own : [...own, ...toAll(scoped.slice(slash + 1))];
    if (conflicting.length < 2) continue;
    const names = conflicting.map((v) => `${v.namespace}/${v.name}`).sort().join(',');
    const named = conflicting.map((v) => ref(c.name, 'VirtualService', v.namespace, v.name));
    conflicting.forEach((vs, i) => {
      if (reported.has(vs)) return;
      reported.add(vs);
      const others = named.filter((o, j) => j !== i && !(o.namespace === vs.namespace && o.name === vs.name));
      out.push(istioFinding('IST0109', [named[i]!], [names, scoped], 'Merge the VirtualServices for this host into one resource (or use delegation).', others));
    });
  }
  return out;
}
