import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { list, num, obj, str, stringList } from '../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';

interface Destination {
  host: string;
  port?: number;
  subset?: string;
  mirror: boolean;
}

/** Every route destination of a VirtualService (http, tcp, tls) and its http mirrors. */
export function vsDestinations(spec: unknown): Destination[] {
  const s = obj(spec);
  const out: Destination[] = [];
  const add = (d: unknown, mirror: boolean) => {
    const o = obj(d);
    const host = str(o?.host);
    if (host) out.push({ host, port: num(obj(o?.port)?.number), subset: str(o?.subset) || undefined, mirror });
  };
  for (const section of ['http', 'tcp', 'tls']) {
    for (const rule of list(s?.[section])) {
      for (const r of list(obj(rule)?.route)) add(obj(r)?.destination, false);
      if (section === 'http') {
        add(obj(rule)?.mirror, true);
        for (const m of list(obj(rule)?.mirrors)) add(obj(m)?.destination, true);
      }
    }
  }
  return out;
}

/**
 * IST0101 (host, mirror host, host:port) and IST0112: every
 * destination must resolve to a Service of the mesh or a ServiceEntry, name a
 * port it has, and pick a port when the service has several.
 */
export function checkVirtualServiceDestinations(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkVirtualServiceDestinationsIn));
}

/** IST0101 (host, mirror host, host:port) and IST0112 in one cluster. */
export function checkVirtualServiceDestinationsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const vs of ctx.config(c, 'VirtualService')) {
    const at = [ref(c.name, 'VirtualService', vs.namespace, vs.name)];
    for (const d of vsDestinations(vs.spec)) {
      const hit = ctx.resolveHost(c, vs.namespace, d.host);
      if (!hit) {
        if (c.complete) out.push(istioFinding('IST0101', at, [d.mirror ? 'mirror host' : 'host', d.host], 'Create the Service or ServiceEntry for the host, or correct the host name.'));
        continue;
      }
      if (d.port === undefined) {
        if (hit.ports.length > 1) out.push(istioFinding('IST0112', at, [d.host, hit.ports], 'Set destination.port.number to one of the service\'s ports.'));
      } else if (hit.ports.length && !hit.ports.includes(d.port)) {
        out.push(istioFinding('IST0101', at, ['host:port', `${d.host}:${d.port}`], 'Use a port the service exposes.'));
      }
    }
  }
  return out;
}

/** Hosts of a VirtualService (raw, as written). */
export const vsHosts = (vs: ConfigObject): string[] => stringList(obj(vs.spec)?.hosts);

/** Gateways of a VirtualService; none means the mesh gateway. */
export const vsGateways = (vs: ConfigObject): string[] => stringList(obj(vs.spec)?.gateways);
