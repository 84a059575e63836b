/** Reads the routing parts of VirtualService and DestinationRule specs (untyped JSON) for the traffic-split view. */

export interface RouteSplit {
  /** "http[0]" or the route's name; match conditions summarised. */
  route: string;
  destinations: { host: string; subset?: string; port?: number; weight: number }[];
}

export interface SubsetInfo {
  name: string;
  labels: Record<string, string>;
}

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Weighted destinations of each HTTP/TCP/TLS route; a lone destination without a weight takes 100. */
export function virtualServiceSplits(spec: unknown): RouteSplit[] {
  const s = obj(spec);
  if (!s) return [];
  const out: RouteSplit[] = [];
  for (const proto of ['http', 'tcp', 'tls'] as const) {
    arr(s[proto]).forEach((r, i) => {
      const route = obj(r);
      const dests = arr(route?.route).map((d) => obj(d)).filter((d): d is Record<string, unknown> => !!d);
      const weights = dests.map((d) => (typeof d.weight === 'number' ? d.weight : undefined));
      const unweighted = weights.every((w) => w === undefined);
      out.push({
        route: str(route?.name) ?? `${proto}[${i}]${arr(route?.match).length ? ' (with match)' : ''}`,
        destinations: dests.map((d, j) => {
          const dest = obj(d.destination);
          const port = obj(dest?.port)?.number;
          return {
            host: str(dest?.host) ?? '?',
            subset: str(dest?.subset),
            port: typeof port === 'number' ? port : undefined,
            weight: unweighted ? (dests.length === 1 ? 100 : Math.round(100 / dests.length)) : (weights[j] ?? 0),
          };
        }),
      });
    });
  }
  return out;
}

/** Subsets of a DestinationRule with their labels. */
export function destinationRuleSubsets(spec: unknown): SubsetInfo[] {
  return arr(obj(spec)?.subsets).flatMap((x) => {
    const s = obj(x);
    const name = str(s?.name);
    if (!name) return [];
    const labels = Object.fromEntries(Object.entries(obj(s?.labels) ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return [{ name, labels }];
  });
}

/** A one-line summary of a DestinationRule's traffic policy: load balancer, outlier detection, locality failover. */
export function trafficPolicySummary(spec: unknown): string[] {
  const tp = obj(obj(spec)?.trafficPolicy);
  if (!tp) return [];
  const out: string[] = [];
  const lb = obj(tp.loadBalancer);
  if (str(lb?.simple)) out.push(`load balancing ${str(lb?.simple)}`);
  const failover = arr(obj(lb?.localityLbSetting)?.failover).map((f) => obj(f)).filter(Boolean);
  for (const f of failover) out.push(`locality failover ${str(f?.from) ?? '?'} → ${str(f?.to) ?? '?'}`);
  const od = obj(tp.outlierDetection);
  if (od) out.push(`outlier detection (${typeof od.consecutive5xxErrors === 'number' ? `${od.consecutive5xxErrors} consecutive 5xx` : 'on'}${str(od.baseEjectionTime) ? `, eject ${str(od.baseEjectionTime)}` : ''})`);
  const tls = str(obj(tp.tls)?.mode);
  if (tls) out.push(`TLS ${tls}`);
  return out;
}
