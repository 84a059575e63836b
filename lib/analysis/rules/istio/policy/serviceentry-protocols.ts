import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, num, obj, str, stringList } from '../../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../../types';

interface PortUse {
  protocol: string;
  se: ConfigObject;
}

/** The namespaces a ServiceEntry is visible in: '*' for all, else each exportTo entry ('.' its own namespace). */
function scopes(se: ConfigObject): Set<string> {
  const exportTo = stringList(obj(se.spec)?.exportTo);
  if (exportTo.length === 0 || exportTo.includes('*')) return new Set(['*']);
  return new Set(exportTo.map((e) => (e === '.' ? se.namespace : e)));
}

/**
 * IST0177: ServiceEntries of one cluster visible in a common namespace that
 * give the same host and port different protocols. Each ServiceEntry is
 * reported once, with the first conflict found.
 */
export function checkServiceEntryProtocolsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const index = new Map<string, { scope: string; host: string; port: number; uses: PortUse[] }>();
  for (const se of ctx.config(c, 'ServiceEntry')) {
    const spec = obj(se.spec);
    for (const scope of scopes(se)) {
      for (const host of stringList(spec?.hosts)) {
        for (const p of list(spec?.ports).map(obj)) {
          const port = num(p?.number) ?? 0;
          const key = JSON.stringify([scope, host, port]);
          let entry = index.get(key);
          if (!entry) index.set(key, (entry = { scope, host, port, uses: [] }));
          entry.uses.push({ protocol: str(p?.protocol) ?? '', se });
        }
      }
    }
  }
  const out: Finding[] = [];
  const reported = new Set<ConfigObject>();
  for (const { scope, host, port, uses: own } of index.values()) {
    // Entries exported everywhere are visible in each namespace scope too.
    const uses = scope === '*' ? own : [...own, ...(index.get(JSON.stringify(['*', host, port]))?.uses ?? [])];
    const protocols = [...new Set(uses.map((u) => u.protocol.toUpperCase()))].sort();
    if (protocols.length < 2) continue;
    const names = [...new Set(uses.map((u) => `${u.se.namespace}/${u.se.name}`))].sort().join(', ');
    for (const { se } of uses) {
      if (reported.has(se)) continue;
      reported.add(se);
      out.push(istioFinding('IST0177', [ref(c.name, 'ServiceEntry', se.namespace, se.name)], [names, host, port, protocols.join(', ')], 'Give the host and port one protocol in every ServiceEntry, or narrow their exportTo so they do not meet.'));
    }
  }
  return out;
}
