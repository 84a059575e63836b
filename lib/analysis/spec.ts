/** Small readers for untyped specs: config specs are `unknown` until a rule looks inside. */

export type Obj = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The value as an array (never undefined: missing lists are empty). */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as a string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The value as a number (numeric strings too, as YAML and int-or-string fields allow), or undefined. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** A map of strings (labels, selectors); other values are dropped. */
export function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v) ?? {})) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Strings of a list. */
export function stringList(v: unknown): string[] {
  return list(v).filter((x): x is string => typeof x === 'string');
}
