/**
 * The in-memory object store of one simulated cluster: one resourceVersion
 * counter (like etcd's revision), frozen objects, a bounded event history for
 * watches from a resourceVersion, and CRD-driven type registration.
 */
import { randomUUID } from 'node:crypto';
import { builtinTypes, splitApiVersion } from './builtin-types';
import { isCrd, typesFromCrd } from './crd-types';
import { alreadyExists, conflict, invalid, KubeApiError, notFound } from './errors';
import { EventHistory, type HistoryEvent } from './event-history';
import { mergePatch as applyMergePatch } from './merge-patch';
import { asApiVersion, byNamespaceAndName, deepFreeze, kubeTime, objectKey, randomSuffix } from './object-utils';
import { validateAgainstSchema } from './schema-validator';
import type { ClusterStore, KubeObject, ResourceType, StoreEvent } from './types';

export interface ClusterStoreOptions {
  /** Watch events retained for watches/continue tokens from an older resourceVersion (default 10,000). */
  historyLimit?: number;
  /** Register the built-in types (default true). */
  builtins?: boolean;
}

const typeKeyOf = (group: string, kind: string): string => `${group}/${kind}`;
const unknownType = (apiVersion: string, kind: string): KubeApiError =>
  new KubeApiError(404, 'NotFound', `no matches for kind "${kind}" in version "${apiVersion}"`);

/** ClusterStore plus what the API server needs (history, typed lookups, preconditioned writes). */
export class MemoryClusterStore implements ClusterStore {
  private rv = 0;
  private readonly byGvk = new Map<string, ResourceType>();
  private readonly byPlural = new Map<string, ResourceType>();
  /** group/kind -> namespace/name -> object (objects of all versions of a kind share one map). */
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  readonly history: EventHistory;

  constructor(opts: ClusterStoreOptions = {}) {
    this.history = new EventHistory(opts.historyLimit ?? 10_000);
    if (opts.builtins !== false) builtinTypes().forEach((t) => this.registerType(t));
  }

  get resourceVersion(): number {
    return this.rv;
  }

  registerType(type: ResourceType): void {
    this.byGvk.set(`${type.group}/${type.version}/${type.kind}`, type);
    this.byPlural.set(`${type.group}/${type.version}/${type.plural}`, type);
  }

  types(): ResourceType[] {
    return [...this.byGvk.values()];
  }

  /** The type served at apiVersion/kind, if any. */
  typeOf(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.byGvk.get(`${group}/${version}/${kind}`);
  }

  /** The type served at /apis/<group>/<version>/<plural>, if any. */
  typeByPlural(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPlural.get(`${group}/${version}/${plural}`);
  }

  apply(obj: KubeObject): KubeObject {
    return this.write(obj, 'apply');
  }

  /** POST semantics: 409 AlreadyExists when the object exists. */
  create(obj: KubeObject): KubeObject {
    return this.write(obj, 'create');
  }

  /** PUT semantics: 404 when missing, 409 Conflict when metadata.resourceVersion is given and stale. */
  update(obj: KubeObject): KubeObject {
    return this.write(obj, 'update');
  }

  mergePatch(apiVersion: string, kind: string, namespace: string | undefined, name: string, patch: unknown): KubeObject {
    const type = this.requireType(apiVersion, kind);
    const current = this.get(apiVersion, kind, namespace, name);
    if (!current) throw notFound(type, name);
    const merged = applyMergePatch(current, patch) as KubeObject;
    // A patch cannot move or rename the object.
    merged.metadata = { ...merged.metadata, name, namespace: current.metadata.namespace };
    merged.apiVersion = apiVersion;
    merged.kind = kind;
    return this.write(merged, 'update');
  }

  delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean {
    return this.remove(apiVersion, kind, namespace, name) !== undefined;
  }

  /** Deletes and returns the final state of the object (undefined when it did not exist). */
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = this.requireType(apiVersion, kind);
    const bucket = this.objects.get(typeKeyOf(type.group, kind));
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const prev = bucket?.get(key);
    if (!bucket || !prev) return undefined;
    bucket.delete(key);
    const last = deepFreeze({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(++this.rv) } });
    this.emit({ type: 'DELETED', object: last, resourceVersion: this.rv, typeKey: typeKeyOf(type.group, kind), prev });
    if (isCrd(prev)) this.dropCrd(prev);
    return asApiVersion(last, apiVersion);
  }

  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = this.typeOf(apiVersion, kind);
    if (!type) return undefined;
    const obj = this.objects.get(typeKeyOf(type.group, kind))?.get(objectKey(type.namespaced ? namespace : undefined, name));
    return obj && asApiVersion(obj, apiVersion);
  }

  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    const type = this.typeOf(apiVersion, kind);
    if (!type) return [];
    const all = [...(this.objects.get(typeKeyOf(type.group, kind))?.values() ?? [])];
    const inNs = namespace && type.namespaced ? all.filter((o) => o.metadata.namespace === namespace) : all;
    return inNs.sort(byNamespaceAndName).map((o) => asApiVersion(o, apiVersion));
  }

  /**
   * The list as it was at resourceVersion `rv` (for continue tokens), rebuilt by
   * undoing later events; undefined when history no longer reaches back to `rv`.
   */
  listAt(apiVersion: string, kind: string, namespace: string | undefined, rv: number): KubeObject[] | undefined {
    const type = this.requireType(apiVersion, kind);
    const later = this.history.since(rv);
    if (!later) return undefined;
    const tk = typeKeyOf(type.group, kind);
    const state = new Map((this.objects.get(tk) ?? new Map<string, KubeObject>()).entries());
    for (const e of later.filter((x) => x.typeKey === tk).reverse()) {
      const key = objectKey(e.object.metadata.namespace, e.object.metadata.name);
      if (e.prev) state.set(key, e.prev);
      else state.delete(key);
    }
    const all = [...state.values()].filter((o) => !namespace || !type.namespaced || o.metadata.namespace === namespace);
    return all.sort(byNamespaceAndName).map((o) => asApiVersion(o, apiVersion));
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private requireType(apiVersion: string, kind: string): ResourceType {
    const type = this.typeOf(apiVersion, kind);
    if (!type) throw unknownType(apiVersion, kind);
    return type;
  }

  private write(input: KubeObject, mode: 'apply' | 'create' | 'update'): KubeObject {
    const type = this.requireType(input.apiVersion, input.kind);
    const { apiVersion, kind, metadata, ...rest } = structuredClone(input) as KubeObject;
    const obj: KubeObject = { apiVersion, kind, metadata, ...rest }; // serialised in the API server's field order
    const meta = (obj.metadata = { ...(obj.metadata ?? {}) });
    if (!meta.name && typeof meta.generateName === 'string' && mode !== 'update') meta.name = meta.generateName + randomSuffix();
    if (!meta.name) throw invalid(type, '', [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
    if (type.namespaced) meta.namespace ||= 'default';
    else delete meta.namespace;
    if (type.schema) {
      const causes = validateAgainstSchema(type.schema, obj);
      if (causes.length) throw invalid(type, meta.name, causes);
    }
    const tk = typeKeyOf(type.group, type.kind);
    const bucket = this.objects.get(tk) ?? new Map<string, KubeObject>();
    this.objects.set(tk, bucket);
    const key = objectKey(meta.namespace, meta.name);
    const prev = bucket.get(key);
    if (prev && mode === 'create') throw alreadyExists(type, meta.name);
    if (!prev && mode === 'update') throw notFound(type, meta.name);
    if (prev && mode === 'update' && meta.resourceVersion && meta.resourceVersion !== prev.metadata.resourceVersion) throw conflict(type, meta.name);

    meta.uid = prev?.metadata.uid ?? (typeof meta.uid === 'string' && meta.uid ? meta.uid : randomUUID());
    meta.creationTimestamp = prev?.metadata.creationTimestamp ?? kubeTime();
    meta.generation = prev ? (specChanged(prev, obj) ? (prev.metadata.generation ?? 1) + 1 : (prev.metadata.generation ?? 1)) : 1;
    meta.resourceVersion = String(++this.rv);
    const stored = deepFreeze(obj);
    bucket.set(key, stored);
    this.emit({ type: prev ? 'MODIFIED' : 'ADDED', object: stored, resourceVersion: this.rv, typeKey: tk, prev });
    if (isCrd(stored)) this.registerCrd(stored, prev);
    return asApiVersion(stored, input.apiVersion);
  }

  private registerCrd(crd: KubeObject, prev: KubeObject | undefined): void {
    if (prev) this.dropTypes(prev);
    typesFromCrd(crd).forEach((t) => this.registerType(t));
  }

  private dropTypes(crd: KubeObject): void {
    for (const t of typesFromCrd(crd)) {
      this.byGvk.delete(`${t.group}/${t.version}/${t.kind}`);
      this.byPlural.delete(`${t.group}/${t.version}/${t.plural}`);
    }
  }

  /** Deleting a CRD deletes its custom resources, as the real API server does. */
  private dropCrd(crd: KubeObject): void {
    const types = typesFromCrd(crd);
    const first = types[0];
    if (first) {
      const apiVersion = `${first.group}/${first.version}`;
      for (const o of this.list(apiVersion, first.kind)) this.remove(apiVersion, first.kind, o.metadata.namespace, o.metadata.name);
    }
    this.dropTypes(crd);
  }

  private emit(e: HistoryEvent): void {
    this.history.push(e);
    // Listeners get the HistoryEvent itself (a StoreEvent plus typeKey and prev); watches use prev for selector transitions.
    const event = Object.freeze(e);
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        // One broken subscriber must not break writes for everyone else.
        console.error('[sim/kube] store listener failed', err);
      }
    }
  }
}

/** Anything but metadata and status changed: bumps metadata.generation. */
function specChanged(prev: KubeObject, next: KubeObject): boolean {
  const strip = ({ metadata: _m, status: _s, ...rest }: KubeObject): unknown => rest;
  return JSON.stringify(strip(prev)) !== JSON.stringify(strip(next));
}

/** A new empty store of one simulated cluster, serving the built-in types. */
export function createClusterStore(opts: ClusterStoreOptions = {}): MemoryClusterStore {
  return new MemoryClusterStore(opts);
}

export { builtinTypes } from './builtin-types';
