import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { hostsMatch, selectorString } from '../../hosts';
import { list, num, obj, strings, stringList } from '../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';

interface Server {
  gw: ConfigObject;
  port: number;
  hosts: string[];
}

/** A server's hosts without the namespace part ('ns/host' -> 'host'). */
const bare = (h: string) => h.slice(h.indexOf('/') + 1);

/**
 * IST0145: two Gateways in one cluster with the same workload selector and
 * port whose hosts overlap; Envoy would get conflicting listeners.
 */
export function checkConflictingGateways(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkConflictingGatewaysIn));
}

/** IST0145 in one cluster. */
export function checkConflictingGatewaysIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, Server[]>();
  for (const gw of ctx.config(c, 'Gateway')) {
    const sel = selectorString(strings(obj(gw.spec)?.selector));
    for (const s of list(obj(gw.spec)?.servers)) {
      const port = num(obj(obj(s)?.port)?.number);
      if (port === undefined) continue;
      const key = `${sel}~${port}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { gw, port, hosts: stringList(obj(s)?.hosts) }]);
    }
  }
  for (const [key, servers] of byKey) {
    const sel = key.slice(0, key.lastIndexOf('~'));
    for (const s of servers) {
      const others = servers.filter((o) => o.gw !== s.gw && s.hosts.some((h) => o.hosts.some((x) => hostsMatch(bare(h), bare(x)))));
      if (others.length === 0) continue;
      const names = [...new Set(others.map((o) => `${o.gw.namespace}/${o.gw.name}`))].sort();
      const mentions = names.map((n) => ref(c.name, 'Gateway', n.slice(0, n.indexOf('/')), n.slice(n.indexOf('/') + 1)));
      out.push(istioFinding('IST0145', [ref(c.name, 'Gateway', s.gw.namespace, s.gw.name)], [names.join(','), sel, String(s.port), s.hosts.join(',')], 'Give the gateways distinct hosts, ports or selectors, or merge them into one Gateway.', mentions));
    }
  }
  return out;
}
