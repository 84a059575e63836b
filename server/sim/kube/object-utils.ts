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
