import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, num, obj, str } from '../../../spec';
import type { ClusterView, Finding, ObjectRef } from '../../../types';

/** Enum values as the EnvoyFilter API numbers them (a manifest may give the number instead of the name). */
const OPERATIONS = ['INVALID', 'MERGE', 'ADD', 'REMOVE', 'INSERT_BEFORE', 'INSERT_AFTER', 'INSERT_FIRST', 'REPLACE', 'MERGE_AND_REPLACE_LIST'];
const APPLY_TO = ['INVALID', 'LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER', 'ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE', 'CLUSTER', 'EXTENSION_CONFIG', 'BOOTSTRAP', 'LISTENER_FILTER'];

/** Route-level targets where ADD and REMOVE do nothing. */
const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
/** The only targets REPLACE works on. */
const REPLACEABLE = new Set(['NETWORK_FILTER', 'HTTP_FILTER', 'VIRTUAL_HOST']);

function enumName(v: unknown, names: readonly string[]): string {
  const n = num(v);
  return n !== undefined ? (names[n] ?? '') : (str(v) ?? '');
}

/**
 * What a patch acts on, compared across patches to spot one that also has a
 * proxyVersion: the name in its value, else the filter its listener match
 * names (an empty string when neither is given, which matches other empties).
 * A value's name and a filter name never compare equal, as in Istio.
 */
function patchTarget(patch: Record<string, unknown>): string {
  const value = obj(obj(patch.patch)?.value);
  if (!value) return '';
  if ('name' in value) return `\u0000value:${JSON.stringify(value.name)}`;
  const filterChain = obj(obj(obj(patch.match)?.listener)?.filterChain);
  return filterChain ? (str(obj(filterChain.filter)?.name) ?? '') : '';
}

/**
 * IST0151-IST0155 for one cluster's EnvoyFilters: ADD/REMOVE on route-level
 * targets, REPLACE outside filters and virtual hosts, and relative operations
 * without a priority (IST0155 when a patch read before it, in this filter or
 * an earlier one, targets the same thing with a proxyVersion match).
 */
export function checkEnvoyPatchesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const versionedTargets = new Set<string>();
  for (const ef of ctx.config(c, 'EnvoyFilter')) {
    const spec = obj(ef.spec);
    const at = [ref(c.name, 'EnvoyFilter', ef.namespace, ef.name)];
    const hasPriority = (num(spec?.priority) ?? 0) !== 0;
    for (const raw of list(spec?.configPatches)) {
      const patch = obj(raw) ?? {};
      // Istio stops reading a filter's patches at the first without a patch section.
      if (!obj(patch.patch)) break;
      const target = patchTarget(patch);
      const op = enumName(obj(patch.patch)?.operation, OPERATIONS);
      const applyTo = enumName(patch.applyTo, APPLY_TO);
      let relative = op === 'INSERT_BEFORE' || op === 'INSERT_AFTER';
      if (op === 'ADD' && ROUTE_LEVEL.has(applyTo)) out.push(istioFinding('IST0153', at, [], 'Use MERGE to change a route configuration or route, or target another applyTo.'));
      if (op === 'REMOVE') {
        if (ROUTE_LEVEL.has(applyTo)) out.push(istioFinding('IST0154', at, [], 'Remove routes by another means (a VirtualService), or target a listener, filter or cluster.'));
        else relative = true;
      }
      if (op === 'REPLACE') {
        if (!REPLACEABLE.has(applyTo)) out.push(istioFinding('IST0152', at, [], 'Use REPLACE only with HTTP_FILTER, NETWORK_FILTER or VIRTUAL_HOST, or MERGE the change instead.'));
        else relative = true;
      }
      if (relative && !hasPriority) out.push(relativeFinding(at, versionedTargets.has(target)));
      if (str(obj(obj(patch.match)?.proxy)?.proxyVersion)) versionedTargets.add(target);
    }
  }
  return out;
}

function relativeFinding(at: ObjectRef[], withProxyVersion: boolean): Finding {
  return withProxyVersion
    ? istioFinding('IST0155', at, [], 'Set a priority on the EnvoyFilter, or use INSERT_FIRST or ADD, so it still applies while proxy versions change.')
    : istioFinding('IST0151', at, [], 'Set a priority on the EnvoyFilter, or use INSERT_FIRST or ADD, so the order filters apply in does not matter.');
}
