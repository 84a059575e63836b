import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { meshConfigOf } from '../../../mesh-config';
import { list, obj } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';

export const TELEMETRY = 'telemetry.istio.io';

/**
 * IST0157: an access logging entry that names no provider, in a mesh whose
 * config names no default access log provider, so the entry does nothing.
 * Skipped when the source has no mesh config: its defaults are unknown.
 */
export function checkTelemetryProvidersIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (c.meshConfig === undefined) return [];
  const defaults = obj(meshConfigOf(c).defaultProviders);
  if (list(defaults?.accessLogging).length > 0) return [];
  const out: Finding[] = [];
  for (const t of ctx.config(c, 'Telemetry', TELEMETRY)) {
    for (const entry of list(obj(t.spec)?.accessLogging).map(obj)) {
      if (entry?.disabled === true) continue;
      if (list(entry?.providers).length === 0) {
        out.push(istioFinding('IST0157', [ref(c.name, 'Telemetry', t.namespace, t.name)], [t.name, t.namespace], 'Name a provider in the access logging entry, or set defaultProviders.accessLogging in the mesh config.'));
      }
    }
  }
  return out;
}
