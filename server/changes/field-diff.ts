import 'server-only';
import type { FieldChange } from '../history/types';

/** Most fields one entry lists; the rest are counted in one marker field. */
export const MAX_FIELDS = 40;
/** Longest JSON a value keeps; longer ones become a truncated string. */
export const MAX_VALUE_CHARS = 200;
/** The path of the marker that counts the fields left out. */
export const MORE_PATH = '…';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as an entry keeps it: as is when its JSON is short, else that JSON cut with an ellipsis. */
export function compactValue(v: unknown): unknown {
  if (v === undefined) return undefined;
  const json = JSON.stringify(v);
  if (json === undefined) return undefined;
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS - 1)}…` : v;
}

/** `a.b`, or `a["app.kubernetes.io/name"]` for keys a dotted path would make ambiguous. */
function childPath(prefix: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/** Names of an array of objects that each carry a distinct string `name` (subsets, ports, containers), else undefined. */
function names(a: unknown[]): string[] | undefined {
  if (a.length === 0) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of a) {
    const n = isObject(x) ? x.name : undefined;
    if (typeof n !== 'string' || seen.has(n)) return undefined;
    seen.add(n);
    out.push(n);
  }
  return out;
}

class Collector {
  readonly out: FieldChange[] = [];
  more = 0;

  add(path: string, before: unknown, after: unknown): void {
    if (this.out.length >= MAX_FIELDS) {
      this.more++;
      return;
    }
    const f: FieldChange = { path };
    if (before !== undefined) f.before = compactValue(before);
    if (after !== undefined) f.after = compactValue(after);
    this.out.push(f);
  }

  walk(path: string, a: unknown, b: unknown): void {
    if (a === b) return;
    if (a === undefined || b === undefined) {
      // An object added or removed inside a part, too long to keep whole (spec.trafficPolicy), is listed by its fields
      // rather than cut short; a whole part (a create's spec) stays one value.
      const whole = a ?? b;
      if (path.includes('.') && isObject(whole) && JSON.stringify(whole).length > MAX_VALUE_CHARS) {
        for (const [k, v] of Object.entries(whole)) this.walk(childPath(path, k), a === undefined ? undefined : v, b === undefined ? undefined : v);
        return;
      }
      return this.add(path, a, b);
    }
    if (Array.isArray(a) && Array.isArray(b)) return this.walkArray(path, a, b);
    if (isObject(a) && isObject(b)) {
      for (const k of Object.keys(a)) this.walk(childPath(path, k), a[k], b[k]);
      for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) this.walk(childPath(path, k), undefined, b[k]);
      return;
    }
    // Leaves, or a change of shape (object to array, string to object): the values as they are.
    if (!sameJson(a, b)) this.add(path, a, b);
  }

  private walkArray(path: string, a: unknown[], b: unknown[]): void {
    const na = names(a);
    const nb = na && names(b);
    if (!na || !nb || (na.length === 0 && nb.length === 0)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) this.walk(`${path}[${i}]`, a[i], b[i]);
      return;
    }
    // Keyed by name, so one insertion does not mark every later element changed; indexes are the new array's.
    const inB = new Map(nb.map((n, i) => [n, i]));
    const inA = new Map(na.map((n, i) => [n, i]));
    const commonA = na.filter((n) => inB.has(n));
    const commonB = nb.filter((n) => inA.has(n));
    if (commonA.some((n, i) => n !== commonB[i])) this.add(`${path}[*].name`, commonA, commonB);
    na.forEach((n, i) => {
      if (!inB.has(n)) this.add(`${path}[${i}]`, a[i], undefined);
    });
    nb.forEach((n, i) => {
      const j = inA.get(n);
      this.walk(`${path}[${i}]`, j === undefined ? undefined : a[j], b[i]);
    });
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The fields that differ between two JSON values, as dotted and indexed paths
 * from `prefix` (`spec.http[0].route[1].weight`). Arrays compare by index,
 * except arrays of objects with distinct `name`s, which compare by name. A
 * field added or removed whole is one change holding the whole value, unless
 * it is an object below a part too long to keep: then its fields. At most
 * MAX_FIELDS fields, then a `{ path: '…', after: '<n> more fields' }` marker.
 */
export function diffFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const c = new Collector();
  c.walk(prefix, before, after);
  if (c.more > 0) c.out.push({ path: MORE_PATH, after: `${c.more} more field${c.more === 1 ? '' : 's'}` });
  return c.out;
}

/** diffFields over several named parts of an object (spec, labels, ...), with one cap across all of them. */
export function diffParts(before: Record<string, unknown>, after: Record<string, unknown>, parts: readonly string[]): FieldChange[] {
  const c = new Collector();
  for (const p of parts) c.walk(p, before[p], after[p]);
  if (c.more > 0) c.out.push({ path: MORE_PATH, after: `${c.more} more field${c.more === 1 ? '' : 's'}` });
  return c.out;
}
