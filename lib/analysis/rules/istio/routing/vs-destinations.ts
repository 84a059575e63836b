import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, num, obj, str, stringList } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, ObjectRef } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { exportToOf, lookupDestinationHost } from './destination-host';

interface Destination {
  host: string;
  port?: number;
  subset?: string;
  mirror: boolean;
}

/** Every route destination of a VirtualService (http, tcp, tls) and its http mirrors, those naming a host. */
export function vsDestinations(spec: unknown): Destination[] {
  return routeDestinations(spec).filter((d) => d.host !== '');
}

/**
 * Every destination as Istio's analyzers walk them: tcp, tls and http routes,
 * then http mirrors; a route without destination counts with host ''.
 */
export function routeDestinations(spec: unknown): Destination[] {
  const s = obj(spec);
  const out: Destination[] = [];
  const add = (d: unknown, mirror: boolean) => {
    const o = obj(d);
    out.push({ host: str(o?.host) ?? '', port: num(obj(o?.port)?.number), subset: str(o?.subset) || undefined, mirror });
  };
  for (const section of ['tcp', 'tls', 'http']) {
    for (const rule of list(s?.[section])) for (const r of list(obj(rule)?.route)) add(obj(r)?.destination, false);
  }
  for (const rule of list(s?.http)) {
    const mirror = obj(rule)?.mirror;
    if (obj(mirror)) add(mirror, true);
    for (const m of list(obj(rule)?.mirrors)) add(obj(m)?.destination, true);
  }
  return out;
}

/**
 * IST0101 (host, mirror host, host:port), IST0112 and IST0140: every
 * destination must resolve to a Service of the mesh or a ServiceEntry, name a
 * port it has, and pick a port when the service has several; a gateway route
 * without subset to a host whose mesh VirtualService splits by subset is flagged.
 */
export function checkVirtualServiceDestinations(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkVirtualServiceDestinationsIn));
}

/** IST0101, IST0112 and IST0140 in one cluster. */
export function checkVirtualServiceDestinationsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  // A host may be missing only because some cluster of the mesh has not synced its Services yet.
  const judgeAbsence = ctx.clusters.every((x) => x.complete);
  const vss = ctx.config(c, 'VirtualService');
  const subsetRoutes = subsetDestinationsByHost(vss);
  for (const vs of vss) {
    const at = [ref(c.name, 'VirtualService', vs.namespace, vs.name)];
    for (const d of routeDestinations(vs.spec)) {
      const hit = lookupDestinationHost(ctx, c, vs.namespace, exportToOf(vs.spec), d.host);
      if (!hit) {
        if (judgeAbsence) out.push(istioFinding('IST0101', at, [d.mirror ? 'mirror host' : 'host', d.host], 'Create the Service or ServiceEntry for the host, or correct the host name.'));
        continue;
      }
      if (d.port === undefined) {
        if (hit.ports.length > 1) out.push(istioFinding('IST0112', at, [d.host, hit.ports], 'Set destination.port.number to one of the service\'s ports.'));
      } else if (judgeAbsence && !hit.ports.includes(d.port)) {
        out.push(istioFinding('IST0101', at, ['host:port', `${d.host}:${d.port}`], 'Use a port the service exposes.'));
      }
    }
    out.push(...subsetsIgnoredAtIngress(c, vs, at, subsetRoutes));
  }
  return out;
}

/** By host: the VirtualServices with an http destination to one of their own hosts with a subset (once per such destination). */
function subsetDestinationsByHost(vss: ConfigObject[]): Map<string, ConfigObject[]> {
  const out = new Map<string, ConfigObject[]>();
  for (const vs of vss) {
    const hosts = vsHosts(vs);
    for (const rule of list(obj(vs.spec)?.http)) {
      for (const r of list(obj(rule)?.route)) {
        const dest = obj(obj(r)?.destination);
        const host = str(dest?.host) ?? '';
        if (!str(dest?.subset) || !hosts.includes(host)) continue;
        out.set(host, [...(out.get(host) ?? []), vs]);
      }
    }
  }
  return out;
}

/** IST0140: a gateway-bound route without subset to a host that another VirtualService splits by subset (those subsets do not apply at the gateway). */
function subsetsIgnoredAtIngress(c: ClusterView, vs: ConfigObject, at: ObjectRef[], subsetRoutes: Map<string, ConfigObject[]>): Finding[] {
  if (vsGateways(vs).length === 0) return [];
  const out: Finding[] = [];
  for (const rule of list(obj(vs.spec)?.http)) {
    for (const r of list(obj(rule)?.route)) {
      const dest = obj(obj(r)?.destination);
      if (str(dest?.subset)) continue;
      for (const other of subsetRoutes.get(str(dest?.host) ?? '') ?? []) {
        const mentions = other === vs ? [] : [ref(c.name, 'VirtualService', other.namespace, other.name)];
        out.push(istioFinding('IST0140', at, [`${other.namespace}/${other.name}`, `${vs.namespace}/${vs.name}`], 'Name the subset in the gateway route as well: subsets of mesh VirtualServices do not apply to gateway traffic.', mentions));
      }
    }
  }
  return out;
}

/** Hosts of a VirtualService (raw, as written). */
export const vsHosts = (vs: ConfigObject): string[] => stringList(obj(vs.spec)?.hosts);

/** Gateways of a VirtualService; none means the mesh gateway. */
export const vsGateways = (vs: ConfigObject): string[] => stringList(obj(vs.spec)?.gateways);
