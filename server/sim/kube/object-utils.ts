/** Small helpers on stored objects: keys, freezing, timestamps, version rewriting. */
import type { KubeObject } from './types';

/** Map key of an object inside its type: `namespace/name` (namespace empty when cluster-scoped). */
export const objectKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

/** Freezes an object graph so callers cannot mutate what the store holds. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * A deep copy of a JSON-like value, frozen. Strings and already-frozen subtrees
 * (objects the store or the CRD cache froze) are shared rather than copied: at
 * fleet scale most of the heap is repeated strings and identical CRD schemas.
 * Values that are not plain objects or arrays (a Date from YAML) are cloned by
 * structuredClone, as before.
 */
export function freezeClone<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown) => freezeClone(v))) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return deepFreeze(structuredClone(value));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = freezeClone((value as Record<string, unknown>)[k]);
  return Object.freeze(out) as T;
}

// The JSON of stored objects, kept beside them (non-enumerable, so spreads, Object.keys and JSON.stringify never see it).
const JSON_OF = Symbol('json');
// Objects frozen before their JSON was attached (apiVersion views of multi-version kinds).
const jsonOfViews = new WeakMap<KubeObject, Buffer>();

// Stored JSON is packed into 1 MiB slabs: Buffer.from's 8 KiB pool fits only three 2.2 KB pods per pool (a fifth wasted).
const SLAB_BYTES = 1 << 20;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function packed(text: string): Buffer {
  const len = Buffer.byteLength(text);
  if (len > SLAB_BYTES >> 4) return Buffer.from(text);
  if (slabUsed + len > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  slab.write(text, slabUsed);
  slabUsed += len;
  return slab.subarray(slabUsed - len, slabUsed);
}

/** Attaches the object's JSON to it and freezes it; the store calls this once per write, so LISTs and watches only copy bytes. */
export function freezeWithJson(obj: KubeObject): KubeObject {
  Object.defineProperty(obj, JSON_OF, { value: packed(JSON.stringify(obj)), enumerable: false });
  return Object.freeze(obj);
}

/** JSON.stringify(obj) as UTF-8, from the cache when the store attached it (objects are frozen, so it cannot go stale). */
export function jsonOf(obj: KubeObject): Buffer {
  const own = (obj as { [JSON_OF]?: Buffer })[JSON_OF];
  if (own) return own;
  let b = jsonOfViews.get(obj);
  if (!b) {
    b = Buffer.from(JSON.stringify(obj));
    if (Object.isFrozen(obj)) jsonOfViews.set(obj, b);
  }
  return b;
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export const kubeTime = (d = new Date()): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The object as served at another version of the same group (CRDs with
 * conversion strategy None only rewrite apiVersion).
 */
export function asApiVersion(obj: KubeObject, apiVersion: string): KubeObject {
  return obj.apiVersion === apiVersion ? obj : Object.freeze({ ...obj, apiVersion });
}

/** Sort order of lists (and so of pagination): namespace, then name. */
export const byNamespaceAndName = (a: KubeObject, b: KubeObject): number =>
  objectKey(a.metadata.namespace, a.metadata.name) < objectKey(b.metadata.namespace, b.metadata.name) ? -1 : 1;

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
/** The 5-character suffix the API server appends to metadata.generateName. */
export const randomSuffix = (): string => Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
