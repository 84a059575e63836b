import 'server-only';

/**
 * Sharing of the values slim records repeat: JSON.parse gives every pod its
 * own copy of each label value, node name and owner, so at 500,000 pods the
 * copies were a large share of the model. Interned values are shared by every
 * record that holds them: frozen, never to be modified.
 *
 * The tables are bounded: when one reaches its cap it is cleared and refills,
 * so values of objects long gone cannot accumulate (sharing resumes as values
 * are seen again; correctness never depends on it).
 */
class Table<T> {
  private readonly m = new Map<string, T>();
  constructor(private readonly cap: number) {}

  get(key: string): T | undefined {
    return this.m.get(key);
  }

  set(key: string, value: T): T {
    if (this.m.size >= this.cap) this.m.clear();
    this.m.set(key, value);
    return value;
  }

  get size(): number {
    return this.m.size;
  }

  clear(): void {
    this.m.clear();
  }
}

const strings = new Table<string>(200_000);
const maps = new Table<Readonly<Record<string, string>>>(100_000);
const owners = new Table<Readonly<{ kind: string; name: string }>>(100_000);
const values = new Table<unknown>(50_000);

/** The empty string map every record without labels or annotations shares. */
export const EMPTY_MAP: Readonly<Record<string, string>> = Object.freeze({});

/** One shared copy of a repeated string (node, zone, label value, image tag). */
export function intern(s: string): string;
export function intern(s: string | undefined): string | undefined;
export function intern(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return strings.get(s) ?? strings.set(s, s);
}

/**
 * The map a call site interned last: a LIST page holds the pods of one
 * workload in a row, so most calls return it again without hashing. One slot
 * per call site (pod labels, pod annotations, ...), so they do not evict each other.
 */
export interface LastMap {
  map: Readonly<Record<string, string>>;
  size: number;
}

/** A new last-map slot for one call site. */
export function lastMapSlot(): LastMap {
  const slot = { map: EMPTY_MAP, size: 0 };
  slots.push(slot);
  return slot;
}

const slots: LastMap[] = [];
const defaultSlot = lastMapSlot();

/** Whether `m` has exactly the entries of the slot's map. */
function isLast(m: Record<string, string>, last: LastMap): boolean {
  let n = 0;
  for (const k in m) {
    if (last.map[k] !== m[k]) return false;
    n++;
  }
  return n === last.size;
}

/**
 * One shared, frozen copy of a string map (a pod's kept labels are the same
 * for every pod of its workload). Keys keep their order; equal maps with keys
 * in another order are stored twice, which only costs sharing.
 */
export function internMap(m: Record<string, string>, last: LastMap = defaultSlot): Readonly<Record<string, string>> {
  if (isLast(m, last)) return last.map;
  let sig = '';
  let n = 0;
  // Length-prefixed, so no crafted value can make two different maps share a signature.
  for (const k in m) {
    const v = m[k]!;
    sig += `${k.length}:${k}${v.length}:${v}`;
    n++;
  }
  if (n === 0) return EMPTY_MAP;
  let hit = maps.get(sig);
  if (!hit) {
    const out: Record<string, string> = {};
    // Keys came from JSON.parse, which already shares property names.
    for (const k in m) out[k] = intern(m[k]!);
    hit = maps.set(sig, Object.freeze(out));
  }
  last.map = hit;
  last.size = n;
  return hit;
}

/**
 * internMap of the string entries of `raw` named in `keep`, without building
 * the map first when it equals the slot's last one (the common case for a
 * page of pods). `raw` must be a plain object.
 */
export function internPicked(raw: Record<string, unknown>, keep: ReadonlySet<string>, last: LastMap = defaultSlot): Readonly<Record<string, string>> {
  let n = 0;
  let same = true;
  for (const k of keep) {
    const v = Object.hasOwn(raw, k) ? raw[k] : undefined;
    if (typeof v !== 'string') continue;
    n++;
    if (last.map[k] !== v) {
      same = false;
      break;
    }
  }
  if (same && n === last.size) return last.map;
  const out: Record<string, string> = {};
  for (const k of keep) {
    const v = Object.hasOwn(raw, k) ? raw[k] : undefined;
    if (typeof v === 'string') out[k] = v;
  }
  return internMap(out, last);
}

let lastOwner: { kind: string; name: string } | undefined;

/** One shared, frozen owner reference ({kind, name}) per workload. */
export function internOwner(kind: string, name: string): Readonly<{ kind: string; name: string }> {
  if (lastOwner && lastOwner.name === name && lastOwner.kind === kind) return lastOwner;
  const key = `${kind}/${name}`;
  return (lastOwner = owners.get(key) ?? owners.set(key, Object.freeze({ kind: intern(kind), name: intern(name) })));
}

/**
 * One shared, deeply frozen copy of a small JSON value (the pod spec fields
 * analysis reads are the same for every pod of a workload), keyed by its JSON.
 */
export function internValue<T>(v: T): T {
  const key = JSON.stringify(v);
  const hit = values.get(key);
  if (hit !== undefined) return hit as T;
  return values.set(key, deepFreeze(v)) as T;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Sizes of the tables (tests and benchmarks). */
export function internStats(): { strings: number; maps: number; owners: number; values: number } {
  return { strings: strings.size, maps: maps.size, owners: owners.size, values: values.size };
}

/** Empties the tables (tests). */
export function clearInterned(): void {
  strings.clear();
  maps.clear();
  owners.clear();
  values.clear();
  for (const slot of slots) {
    slot.map = EMPTY_MAP;
    slot.size = 0;
  }
  lastOwner = undefined;
}
