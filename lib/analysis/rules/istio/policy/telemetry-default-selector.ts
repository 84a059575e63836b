import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { obj } from '../../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../../types';
import { TELEMETRY } from './telemetry-providers';
import { sortedNames } from './workloads';

/** IST0160: several Telemetries of one namespace without a selector, so which one applies is undefined. */
export function checkTelemetryDefaultSelectorsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const byNamespace = new Map<string, ConfigObject[]>();
  for (const t of ctx.config(c, 'Telemetry', TELEMETRY)) {
    const selector = obj(t.spec)?.selector;
    if (selector !== undefined && selector !== null) continue;
    byNamespace.set(t.namespace, [...(byNamespace.get(t.namespace) ?? []), t]);
  }
  const out: Finding[] = [];
  for (const [ns, list] of byNamespace) {
    if (list.length < 2) continue;
    const names = sortedNames(list);
    for (const t of list) out.push(istioFinding('IST0160', [ref(c.name, 'Telemetry', t.namespace, t.name)], [names, ns], 'Merge the Telemetries into one, or give all but one a selector.'));
  }
  return out;
}
