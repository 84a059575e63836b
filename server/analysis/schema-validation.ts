/**
 * IST0106: validates Istio custom resources against the OpenAPI schemas of
 * crd-all.gen.yaml with ajv. No 'server-only' here: the offline CLI uses it.
 * Kubernetes structural-schema extensions are translated; unknown fields are
 * errors (as kubectl's strict field validation and Istio's own parser treat
 * them); CEL rules (x-kubernetes-validations) are not evaluated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import type { ConfigObject } from '@/lib/analysis/types';
import { structuralToJsonSchema } from '@/lib/kube/structural-schema';
import { vendorPath } from '../vendor/vendor-path';

type Schema = Record<string, unknown>;

/** Where the Istio CRDs are looked for unless a path is given: the vendored copy, shipped with the package. */
export const DEFAULT_CRD_PATH = vendorPath('istio', 'crd-all.gen.yaml');

/** `/http/0/route` -> `spec.http[0].route`. */
function fieldPath(instancePath: string, extra?: string): string {
  const parts = ['spec', ...instancePath.split('/').filter(Boolean), ...(extra ? [extra] : [])];
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': return `${fieldPath(e.instancePath, String(p.additionalProperty))}: unknown field`;
    case 'required': return `${fieldPath(e.instancePath, String(p.missingProperty))}: required value`;
    case 'enum': return `${fieldPath(e.instancePath)}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default: return `${fieldPath(e.instancePath)}: ${e.message ?? 'is invalid'}`;
  }
}

/** Validators per 'group/version/Kind', compiled lazily (Istio's schemas cost tens of ms each). */
export class CrdSchemaValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction | null>();
  // Objects are immutable once read; a changed object is a new object.
  private readonly results = new WeakMap<object, string[]>();

  constructor(private readonly schemas: Map<string, Schema>) {}

  /** Reads the CRDs of a multi-document YAML file. */
  static fromFile(file: string): CrdSchemaValidator {
    const schemas = new Map<string, Schema>();
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = doc.toJS() as { kind?: string; spec?: { group: string; names: { kind: string }; versions?: Array<{ name: string; schema?: { openAPIV3Schema?: Schema } }> } } | null;
      if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const v of crd.spec.versions ?? []) {
        const spec = (v.schema?.openAPIV3Schema?.properties as Schema | undefined)?.spec;
        if (spec) schemas.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, spec as Schema);
      }
    }
    return new CrdSchemaValidator(schemas);
  }

  /** Kinds with a schema. */
  get size(): number {
    return this.schemas.size;
  }

  /** Problems of one object's spec; undefined when its kind has no schema here. */
  validate = (o: ConfigObject): string[] | undefined => {
    const key = `${o.group}/${o.version}/${o.kind}`;
    let fn = this.compiled.get(key);
    if (fn === undefined) {
      const schema = this.schemas.get(key);
      fn = schema ? this.ajv.compile(structuralToJsonSchema(schema, { rejectUnknownFields: true }) as Schema) : null;
      this.compiled.set(key, fn);
    }
    if (!fn) return undefined;
    const spec = (o.spec ?? {}) as object;
    const cached = this.results.get(spec);
    if (cached) return cached;
    const errors = fn(spec) ? [] : dedupe((fn.errors ?? []).filter((e) => e.keyword !== 'anyOf').map(describe));
    this.results.set(spec, errors);
    return errors;
  };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** A validator from the CRD file, or why there is none (the caller degrades: IST0106 is skipped). */
export function loadCrdValidator(file = DEFAULT_CRD_PATH): { validator?: CrdSchemaValidator; problem?: string } {
  if (!existsSync(file)) return { problem: `CRD schemas not found at ${file}; IST0106 (schema validation) skipped. Pass --crds PATH.` };
  try {
    return { validator: CrdSchemaValidator.fromFile(file) };
  } catch (err) {
    return { problem: `cannot read CRD schemas from ${file}: ${(err as Error).message}; IST0106 skipped.` };
  }
}
