import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { goQuote } from '../../go-format';
import { list, obj, str } from '../../spec';
import type { ClusterView, Finding, ObjectRef } from '../../types';
import { clusterUnits, runUnits } from '../../units';

/** JSON with sorted keys, so equal matches written in a different order compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = obj(v);
  if (!o) return JSON.stringify(v) ?? 'null';
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

const label = (name: string | undefined, n: number) => (name ? goQuote(name) : `#${n}`);

/** Reports rules after a catch-all and matches that an earlier rule already takes. */
function scanRules(rules: unknown[], named: boolean, at: ObjectRef[], out: Finding[]): void {
  const seen = new Map<string, number>();
  let catchAll = -1;
  rules.forEach((rule, i) => {
    const r = obj(rule);
    const ruleName = label(named ? str(r?.name) : undefined, i);
    const matches = list(r?.match);
    if (matches.length === 0) {
      if (catchAll >= 0) out.push(istioFinding('IST0130', at, [ruleName, 'only the last rule can have no matches'], 'Remove the rule or give it a match; a rule without matches takes all remaining traffic.'));
      catchAll = i;
      return;
    }
    let dup = 0;
    matches.forEach((m, j) => {
      const { name, ...rest } = obj(m) ?? {};
      const key = canonical(named ? rest : obj(m) ?? {});
      const prev = seen.get(key);
      if (prev === undefined) {
        seen.set(key, i);
        return;
      }
      dup++;
      out.push(istioFinding('IST0131', at, [ruleName, label(named ? str(name) : undefined, j), label(named ? str(obj(rules[prev])?.name) : undefined, prev)], 'Remove the duplicate match or merge the two rules.'));
    });
    if (dup === matches.length) out.push(istioFinding('IST0130', at, [ruleName, 'all matches used by prior rules'], 'Remove the rule, or reorder rules so more specific matches come first.'));
  });
}

/** IST0130 and IST0131: unreachable rules and ineffective matches in http, tcp and tls routes. */
export function checkVirtualServiceMatches(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkVirtualServiceMatchesIn));
}

/** IST0130 and IST0131 in one cluster. */
export function checkVirtualServiceMatchesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const vs of ctx.config(c, 'VirtualService')) {
    const spec = obj(vs.spec);
    const at = [ref(c.name, 'VirtualService', vs.namespace, vs.name)];
    scanRules(list(spec?.http), true, at, out);
    scanRules(list(spec?.tcp), false, at, out);
    scanRules(list(spec?.tls), false, at, out);
  }
  return out;
}
