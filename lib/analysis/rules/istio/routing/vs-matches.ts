import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { goQuote } from '../../../go-format';
import { list, num, obj, str } from '../../../spec';
import type { ClusterView, Finding, ObjectRef } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';

/** Match fields that are maps: an empty one is the same as none. */
const MAP_FIELDS = new Set(['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']);

/**
 * A match's identity as Istio compares them (its Go JSON): keys sorted, and
 * zero values (false, 0, '', empty lists and maps) left out like absent fields.
 */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = obj(v);
  if (!o) return JSON.stringify(v) ?? 'null';
  const keys = Object.keys(o).filter((k) => !isZero(k, o[k])).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

function isZero(key: string, v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return MAP_FIELDS.has(key) && obj(v) !== undefined && Object.keys(obj(v)!).length === 0;
}

const label = (name: string | undefined, n: number) => (name ? goQuote(name) : `#${n}`);

/** An http match with a URI prefix, reduced to what Istio compares for overlaps. */
interface PrefixMatch {
  rule: string;
  match: string;
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Map<string, string>;
  queryParams: Map<string, string>;
  withoutHeaders: Map<string, string>;
}

/** 'exact:v' or 'prefix:v' of a string match ('' for regex or none). */
function exactOrPrefix(m: unknown): string {
  const exact = str(obj(m)?.exact);
  if (exact) return `exact:${exact}`;
  const prefix = str(obj(m)?.prefix);
  return prefix ? `prefix:${prefix}` : '';
}

const matchMap = (v: unknown) => new Map(Object.entries(obj(v) ?? {}).map(([k, m]) => [k, exactOrPrefix(m)]));

function prefixMatch(rule: string, match: string, m: unknown): PrefixMatch | undefined {
  const o = obj(m);
  const prefix = str(obj(o?.uri)?.prefix);
  if (!prefix) return undefined;
  return {
    rule, match, prefix, port: num(o?.port) ?? 0,
    // A match without method is taken as GET.
    method: exactOrPrefix(o?.method) || 'exact:GET',
    authority: exactOrPrefix(o?.authority),
    headers: matchMap(o?.headers), queryParams: matchMap(o?.queryParams), withoutHeaders: matchMap(o?.withoutHeaders),
  };
}

/** Whether each value of `a` equals or starts with `b`'s for the same key (same keys on both). */
function mapCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || (v !== w && !v.startsWith(w))) return false;
  }
  return true;
}

/** Whether the earlier prefix match `a` takes all the traffic of the later `b` (Istio's test, asymmetries kept). */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return mapCovered(a.headers, b.headers) && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

/** Reports rules after a catch-all, matches an earlier rule already has, and (http) prefix matches an earlier one covers. */
function scanRules(rules: unknown[], http: boolean, at: ObjectRef[], out: Finding[]): void {
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let catchAll = -1;
  const ruleName = (i: number) => label(http ? str(obj(rules[i])?.name) : undefined, i);
  rules.forEach((rule, i) => {
    const r = obj(rule);
    if (!r) return;
    const matches = list(r.match);
    if (matches.length === 0) {
      if (catchAll >= 0) out.push(istioFinding('IST0130', at, [ruleName(i), 'only the last rule can have no matches'], 'Remove the rule or give it a match; a rule without matches takes all remaining traffic.'));
      catchAll = i;
      return;
    }
    let dup = 0;
    matches.forEach((m, j) => {
      if (catchAll >= 0) {
        out.push(istioFinding('IST0130', at, [ruleName(i), 'route without matches defined before'], 'Move the rule without matches to the end of the list.'));
        return;
      }
      const matchName = label(http ? str(obj(m)?.name) : undefined, j);
      const { name: _name, ...rest } = obj(m) ?? {};
      const key = obj(m) ? canonical(http ? rest : m) : 'null';
      const prev = seen.get(key);
      if (prev !== undefined) {
        dup++;
        out.push(istioFinding('IST0131', at, [ruleName(i), matchName, ruleName(prev)], 'Remove the duplicate match or merge the two rules.'));
        return;
      }
      seen.set(key, i);
      const p = http ? prefixMatch(ruleName(i), matchName, m) : undefined;
      if (p) prefixes.push(p);
    });
    if (dup === matches.length) out.push(istioFinding('IST0130', at, [ruleName(i), 'all matches used by prior rules'], 'Remove the rule, or reorder rules so more specific matches come first.'));
  });
  prefixes.forEach((a, i) => {
    for (const b of prefixes.slice(i + 1)) {
      if (b.prefix === a.prefix || !covers(a, b)) continue;
      out.push(istioFinding('IST0131', at, [b.rule, `${b.match} of prefix ${b.prefix}`, `${a.match} of prefix ${a.prefix} on ${a.rule}`], 'Put the longer prefix match before the shorter one that covers it.'));
    }
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
