/**
 * Kubernetes structural schemas (a CRD's openAPIV3Schema) as plain JSON
 * Schema that ajv understands: the simulator's API server and the analysis
 * (IST0106) validate custom resources through this one translation.
 * CEL rules (x-kubernetes-validations) are dropped, not evaluated.
 */

type Schema = Record<string, unknown>;

export interface StructuralSchemaOptions {
  /**
   * Unknown fields are errors, as under kubectl's strict field validation and
   * Istio's own parser, unless the schema says x-kubernetes-preserve-unknown-fields.
   * Off, unknown fields pass (an API server prunes them).
   */
  rejectUnknownFields?: boolean;
}

/** Returns a translated copy of `schema`. */
export function structuralToJsonSchema(schema: unknown, opts: StructuralSchemaOptions = {}): unknown {
  if (Array.isArray(schema)) return schema.map((s) => structuralToJsonSchema(s, opts));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema as Schema)) {
    if (k === 'x-kubernetes-validations' || k === 'description') continue;
    if (k === 'enum' || k === 'default' || k === 'example') out[k] = v;
    // properties map field names (which may be 'description') to schemas.
    else if ((k === 'properties' || k === 'patternProperties') && v && typeof v === 'object')
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([n, s]) => [n, structuralToJsonSchema(s, opts)]));
    else out[k] = structuralToJsonSchema(v, opts);
  }
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf ??= [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  if (opts.rejectUnknownFields && out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}
