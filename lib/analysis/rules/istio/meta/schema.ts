import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { ClusterView, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { schemaWarnings } from './schema-warnings';

/** IST0106: custom resources that do not validate against their CRD's schema (needs options.validateSchema). */
export function checkSchemas(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkSchemasIn));
}

/** IST0106 in one cluster. */
export function checkSchemasIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const validate = ctx.options.validateSchema;
  if (!validate) return [];
  const out: Finding[] = [];
  for (const o of c.config) {
    for (const err of validate(o) ?? []) {
      out.push(istioFinding('IST0106', [ref(c.name, o.kind, o.namespace, o.name)], [err], 'Correct the field named in the message (kubectl explain <kind>.spec shows the schema).'));
    }
  }
  return out;
}

/** IST0133 in one cluster: the warnings Istio's validation gives for custom resources (those decidable from the object alone). */
export function checkSchemaWarningsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const o of c.config) {
    for (const warning of schemaWarnings(o)) {
      out.push(istioFinding('IST0133', [ref(c.name, o.kind, o.namespace, o.name)], [warning], 'Change the setting the warning names, as the resource\'s reference on istio.io describes.'));
    }
  }
  return out;
}
