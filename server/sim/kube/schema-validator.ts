/**
 * Validates custom resources against their CRD's openAPIV3Schema with ajv,
 * translated by lib/kube/structural-schema.ts; unknown fields pass, as an API
 * server prunes them. CEL rules (x-kubernetes-validations) are not evaluated.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { structuralToJsonSchema } from '../../../lib/kube/structural-schema';
import type { StatusCause } from './errors';

// ajv-formats is CommonJS with a default export; under ESM interop it may be nested once.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));

// Compiling Istio's schemas costs tens of ms each; every simulated cluster shares them.
const cache = new Map<string, ValidateFunction>();

type Schema = Record<string, unknown>;

function compile(schema: Schema): ValidateFunction {
  const key = createHash('sha1').update(JSON.stringify(schema)).digest('hex');
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(structuralToJsonSchema(schema) as Schema);
    cache.set(key, fn);
  }
  return fn;
}

/** `/spec/http/0/route` -> `spec.http[0].route` (the field path style of Kubernetes' field errors). */
export function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);

function valueAt(obj: unknown, instancePath: string): unknown {
  let cur = obj;
  for (const p of instancePath.split('/').filter(Boolean)) cur = (cur as Record<string, unknown> | undefined)?.[p];
  return cur;
}

function toCause(e: ErrorObject, obj: unknown): StatusCause {
  const value = valueAt(obj, e.instancePath);
  const field = fieldPath(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty?: string }).missingProperty);
      return { reason: 'FieldValueRequired', message: 'Required value', field: fieldPath(e.instancePath, missing) };
    }
    case 'type': {
      const t = typeName(value);
      const want = String((e.params as { type?: unknown }).type);
      return { reason: 'FieldValueTypeInvalid', message: `Invalid value: "${t}": ${field} in body must be of type ${want}: "${t}"`, field };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((a) => JSON.stringify(a)).join(', ');
      return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed}`, field };
    }
    default:
      return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value) ?? 'null'}: ${field} in body ${e.message ?? 'is invalid'}`, field };
  }
}

/** Validates `obj` against an openAPIV3Schema; returns the failing fields (empty when valid). */
export function validateAgainstSchema(schema: Schema, obj: unknown): StatusCause[] {
  const fn = compile(schema);
  if (fn(obj)) return [];
  const seen = new Set<string>();
  const causes: StatusCause[] = [];
  // anyOf (int-or-string) reports each branch too; keep the first error per field.
  for (const e of fn.errors ?? []) {
    const c = toCause(e, obj);
    if (seen.has(c.field)) continue;
    seen.add(c.field);
    causes.push(c);
  }
  return causes;
}
