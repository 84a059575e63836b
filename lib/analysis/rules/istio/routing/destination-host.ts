import type { AnalysisContext } from '../../../context';
import { toFqdn } from '../../../hosts';
import { list, num, obj, str, stringList, strings } from '../../../spec';
import type { ClusterView, ServiceView } from '../../../types';

/**
 * A destination host as Istio's analyzers look it up: every Service and
 * ServiceEntry host is filed under the namespaces it is exported to ('*' for
 * all), and a VirtualService or DestinationRule finds it under '*' or under
 * the namespaces of its own exportTo (its namespace when it has none).
 */
export interface HostEntry {
  /** Port numbers, as listed (a Service with TCP and UDP on one port lists it twice, as Istio counts it). */
  ports: number[];
  /** A ServiceEntry's workloadSelector labels. */
  workloadSelector?: Record<string, string>;
}

const ALL = '*';
const LOCAL = '.';

/** Scopes a Service is filed under, from its networking.istio.io/exportTo annotation. */
function serviceScopes(s: ServiceView): string[] {
  const anno = s.annotations?.['networking.istio.io/exportTo'];
  if (!anno) return [ALL];
  return anno.split(',').map((e) => e.trim()).map((e) => (e === LOCAL ? s.namespace : e));
}

/** Scopes a ServiceEntry is filed under, from its exportTo. */
function entryScopes(namespace: string, exportTo: string[]): string[] {
  if (exportTo.length === 0 || exportTo.includes(ALL)) return [ALL];
  return exportTo.map((e) => (e === LOCAL ? namespace : e));
}

/** One cluster's ServiceEntry hosts by 'scope/fqdn' (a later entry replaces an earlier one, as in Istio's map). */
function entryIndex(ctx: AnalysisContext, c: ClusterView): Map<string, HostEntry> {
  return ctx.memo(`routing:serviceEntryHosts:${c.name}`, () => {
    const out = new Map<string, HostEntry>();
    for (const se of ctx.config(c, 'ServiceEntry')) {
      const spec = obj(se.spec);
      const ports = list(spec?.ports).map((p) => num(obj(p)?.number) ?? 0);
      const selector = obj(spec?.workloadSelector);
      const entry: HostEntry = { ports, ...(selector ? { workloadSelector: strings(selector.labels) } : {}) };
      for (const h of stringList(spec?.hosts)) {
        for (const scope of entryScopes(se.namespace, stringList(spec?.exportTo))) out.set(`${scope}/${toFqdn(se.namespace, h)}`, entry);
      }
    }
    return out;
  });
}

/** The Services of the mesh with this FQDN visible under a scope: ports of the first, then any other numbers the rest add. */
function serviceUnder(ctx: AnalysisContext, scope: string, fqdn: string): HostEntry | undefined {
  const visible = (ctx.meshServices().get(fqdn) ?? []).filter((x) => serviceScopes(x.service).includes(scope));
  if (visible.length === 0) return undefined;
  const ports = visible[0]!.service.ports.map((p) => p.port);
  for (const x of visible.slice(1)) for (const p of x.service.ports) if (!ports.includes(p.port)) ports.push(p.port);
  return { ports };
}

/** What is filed under 'scope/fqdn': Services win over ServiceEntries, as Istio files them last. */
function filedUnder(ctx: AnalysisContext, c: ClusterView, scope: string, fqdn: string): HostEntry | undefined {
  return serviceUnder(ctx, scope, fqdn) ?? entryIndex(ctx, c).get(`${scope}/${fqdn}`);
}

/**
 * Looks `host` up from an object in `namespace` with `exportTo`: exact hosts
 * exported to all, then exact hosts under its own scopes, then wildcard
 * ServiceEntry hosts visible to its namespace. Services come from every
 * cluster of the mesh, ServiceEntries from the object's cluster.
 */
export function lookupDestinationHost(ctx: AnalysisContext, c: ClusterView, namespace: string, exportTo: string[], host: string): HostEntry | undefined {
  const fqdn = toFqdn(namespace, host);
  const own = exportTo.length === 0 ? [namespace] : exportTo.map((e) => (e === LOCAL ? namespace : e));
  for (const scope of [ALL, ...own]) {
    const hit = filedUnder(ctx, c, scope, fqdn);
    if (hit) return hit;
  }
  const bare = fqdn.startsWith(ALL) ? fqdn.slice(1) : fqdn;
  for (const [key, entry] of entryIndex(ctx, c)) {
    const slash = key.indexOf('/');
    const scope = key.slice(0, slash);
    const seHost = key.slice(slash + 1);
    if (!seHost.startsWith(ALL) || (scope !== ALL && scope !== namespace)) continue;
    if (bare.endsWith(seHost.slice(1))) return entry;
  }
  return undefined;
}

/** exportTo of a config object's spec. */
export const exportToOf = (spec: unknown): string[] => stringList(obj(spec)?.exportTo);

/** The spec's host field, or ''. */
export const hostOf = (spec: unknown): string => str(obj(spec)?.host) ?? '';
