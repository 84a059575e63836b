import 'server-only';
import type { AnyRecord } from '../clusters/kinds';

/**
 * Whether a listed record equals the held one, for a relist to skip it.
 * Records that carry a resourceVersion (config objects) compare by it: the
 * API server gives every write a new one, and the slim record includes it,
 * so differing versions would compare unequal field by field anyway. Other
 * records compare field by field with JSON's meaning (the comparison this
 * replaces was JSON.stringify of both): properties holding undefined count as
 * absent, arrays compare in order, object keys in any order.
 */
export function sameRecord(a: AnyRecord, b: AnyRecord): boolean {
  if (a === b) return true;
  const ra = (a as { resourceVersion?: unknown }).resourceVersion;
  const rb = (b as { resourceVersion?: unknown }).resourceVersion;
  if (typeof ra === 'string' && typeof rb === 'string' && ra !== '') return ra === rb;
  return sameValue(a, b);
}

/** Structural equality of JSON-like values (slim records: plain objects, arrays, strings, numbers, booleans). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const oa = a as Record<string, unknown>;
  const ob = b as Record<string, unknown>;
  let defined = 0;
  for (const k in oa) {
    const v = oa[k];
    if (v === undefined) continue;
    defined++;
    if (!sameValue(v, ob[k])) return false;
  }
  for (const k in ob) if (ob[k] !== undefined) defined--;
  return defined === 0;
}
