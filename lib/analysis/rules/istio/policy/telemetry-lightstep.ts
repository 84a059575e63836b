import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { meshConfigOf } from '../../../mesh-config';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { TELEMETRY } from './telemetry-providers';

/** IST0002: a Telemetry whose tracing uses a Lightstep extension provider of the mesh config (deprecated). */
export function checkLightstepProvidersIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const lightstep = new Set<string>();
  for (const p of list(meshConfigOf(c).extensionProviders).map(obj)) {
    const name = str(p?.name);
    if (name !== undefined && p?.lightstep !== undefined && p.lightstep !== null) lightstep.add(name);
  }
  if (lightstep.size === 0) return [];
  const out: Finding[] = [];
  for (const t of ctx.config(c, 'Telemetry', TELEMETRY)) {
    for (const tracing of list(obj(t.spec)?.tracing)) {
      for (const p of list(obj(tracing)?.providers)) {
        const name = str(obj(p)?.name) ?? '';
        if (!lightstep.has(name)) continue;
        out.push(istioFinding('IST0002', [ref(c.name, 'Telemetry', t.namespace, t.name)], [`The Lightstep provider ${name} is deprecated, please migrate to OpenTelemetry provider.`], 'Define an OpenTelemetry extension provider for the collector and trace to it instead.'));
      }
    }
  }
  return out;
}
