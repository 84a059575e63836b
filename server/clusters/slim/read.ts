import 'server-only';
import { intern } from './intern';

/** Small readers over untrusted JSON: they return undefined rather than throw, so a hostile object is skipped, not fatal. */

export type Json = Record<string, unknown>;

/** The value as a plain object, else undefined. */
export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The value as an array, else undefined. */
export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** The value as a non-empty string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The value as a finite number, else undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A string map (labels, annotations, selectors); entries of other types are
 * dropped; undefined if not an object. With `keep`, only those keys, in the
 * order of `keep` (so equal maps compare and intern alike), without walking
 * every entry of the object.
 */
export function strMap(v: unknown, keep?: ReadonlySet<string>): Record<string, string> | undefined {
  const o = obj(v);
  if (!o) return v === undefined || v === null ? {} : undefined;
  const out: Record<string, string> = {};
  if (keep) {
    for (const k of keep) {
      const val = Object.hasOwn(o, k) ? o[k] : undefined;
      if (typeof val === 'string') out[k] = val;
    }
    return out;
  }
  for (const k in o) {
    const val = o[k];
    if (typeof val === 'string') out[k] = val;
  }
  return out;
}

/** Whether a labels/annotations field is absent or an object (what strMap accepts). */
export function isMapOrAbsent(v: unknown): boolean {
  return v === undefined || v === null || obj(v) !== undefined;
}

/** metadata.name/namespace with the shape checks every kind needs. */
export function meta(o: unknown, namespaced: boolean): { name: string; namespace: string; m: Json } | string {
  const root = obj(o);
  if (!root) return 'not an object';
  const m = obj(root.metadata);
  if (!m) return 'metadata missing';
  const name = str(m.name);
  if (!name) return 'metadata.name missing';
  const namespace = str(m.namespace);
  if (namespaced && !namespace) return 'metadata.namespace missing';
  // Namespaces repeat on every object of the namespace: one shared copy.
  return { name, namespace: namespace ? intern(namespace) : '', m };
}
