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
import { asApiVersion, freezeClone, freezeWithJson, kubeTime, objectKey, randomSuffix } from './object-utils';
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
  /** group/kind -> resourceVersion of its last write or delete. */
  private readonly changedAt = new Map<string, number>();
  /** Sorted views of one kind (and namespace) at one apiVersion, valid while the kind's changedAt is unchanged. */
  private readonly sortedViews = new Map<string, SortedView>();
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
    const last = freezeWithJson({ ...prev, metadata: Object.freeze({ ...prev.metadata, resourceVersion: String(++this.rv) }) });
    this.changedAt.set(typeKeyOf(type.group, kind), this.rv);
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
    return this.sorted(apiVersion, kind, namespace)?.items.slice() ?? [];
  }

  /**
   * The kind's objects in list order (namespace, then name) with their keys,
   * cached until the kind next changes; callers must not mutate the arrays.
   * undefined for an unknown type.
   */
  sorted(apiVersion: string, kind: string, namespace?: string): SortedView | undefined {
    const type = this.typeOf(apiVersion, kind);
    if (!type) return undefined;
    const tk = typeKeyOf(type.group, kind);
    const ns = namespace && type.namespaced ? namespace : undefined;
    const viewKey = `${apiVersion}/${kind}/${ns ?? ''}`;
    const asOf = this.changedAt.get(tk) ?? 0;
    const cached = this.sortedViews.get(viewKey);
    if (cached && cached.asOf === asOf) return cached;
    const bucket = this.objects.get(tk) ?? new Map<string, KubeObject>();
    const view = sortedView([...bucket.entries()].filter(([, o]) => !ns || o.metadata.namespace === ns), apiVersion, asOf);
    // Views of namespaces or versions nobody asks for again must not pile up.
    if (this.sortedViews.size >= 256) this.sortedViews.clear();
    this.sortedViews.set(viewKey, view);
    return view;
  }

  /** resourceVersion of the last write or delete of a kind (0 when never written). */
  changedAtRv(apiVersion: string, kind: string): number {
    const type = this.typeOf(apiVersion, kind);
    return type ? (this.changedAt.get(typeKeyOf(type.group, kind)) ?? 0) : 0;
  }

  /**
   * The list as it was at resourceVersion `rv` (for continue tokens), rebuilt by
   * undoing later events; undefined when history no longer reaches back to `rv`.
   */
  listAt(apiVersion: string, kind: string, namespace: string | undefined, rv: number): KubeObject[] | undefined {
    return this.sortedAt(apiVersion, kind, namespace, rv)?.items.slice();
  }

  /** sorted() as of resourceVersion `rv`; undefined when history no longer reaches back to `rv`. */
  sortedAt(apiVersion: string, kind: string, namespace: string | undefined, rv: number): SortedView | undefined {
    const type = this.requireType(apiVersion, kind);
    const later = this.history.since(rv);
    if (!later) return undefined;
    const tk = typeKeyOf(type.group, kind);
    // Nothing of this kind changed after rv: the current view is the view at rv.
    if ((this.changedAt.get(tk) ?? 0) <= rv) return this.sorted(apiVersion, kind, namespace);
    const state = new Map((this.objects.get(tk) ?? new Map<string, KubeObject>()).entries());
    for (const e of later.filter((x) => x.typeKey === tk).reverse()) {
      const key = objectKey(e.object.metadata.namespace, e.object.metadata.name);
      if (e.prev) state.set(key, e.prev);
      else state.delete(key);
    }
    const ns = namespace && type.namespaced ? namespace : undefined;
    return sortedView([...state.entries()].filter(([, o]) => !ns || o.metadata.namespace === ns), apiVersion, rv);
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
    const { apiVersion, kind, metadata, ...rest } = input;
    // Serialised in the API server's field order; everything but metadata is frozen now, metadata once filled in.
    const meta: KubeObject['metadata'] = { ...((metadata ?? {}) as KubeObject['metadata']) };
    for (const k of Object.keys(meta)) meta[k] = freezeClone(meta[k]);
    const obj: KubeObject = { apiVersion, kind, metadata: meta };
    for (const k of Object.keys(rest)) obj[k] = freezeClone(rest[k]);
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
    Object.freeze(meta);
    const stored = freezeWithJson(obj);
    bucket.set(key, stored);
    this.changedAt.set(tk, this.rv);
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

/** One kind's objects in list order, with their `namespace/name` keys (for continue tokens). */
export interface SortedView {
  readonly items: readonly KubeObject[];
  readonly keys: readonly string[];
  /** changedAt of the kind when the view was taken. */
  readonly asOf: number;
}

/** Sorts by key (the order byNamespaceAndName gives) and serves the objects at apiVersion. */
function sortedView(entries: Array<[string, KubeObject]>, apiVersion: string, asOf: number): SortedView {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { items: entries.map(([, o]) => asApiVersion(o, apiVersion)), keys: entries.map(([k]) => k), asOf };
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
