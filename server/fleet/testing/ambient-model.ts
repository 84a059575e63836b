import { recordKey } from '../../clusters/kinds';
import { watchedKindFor } from '../../bench/generated-model';
import type { KubeObject } from '../../sim/kube/types';
import { FleetModel } from '../model';
import objects from '../__fixtures__/ambient-cluster.json';

/** The ambient fixture's objects (deep copies, to edit per test). */
export function ambientObjects(): KubeObject[] {
  return JSON.parse(JSON.stringify(objects)) as KubeObject[];
}

/** Slims and applies objects to a cluster as its watches would. */
export function applyObjects(m: FleetModel, cluster: string, objs: KubeObject[]): void {
  for (const o of objs) {
    const k = watchedKindFor(o);
    if (!k) throw new Error(`not watched: ${o.apiVersion} ${o.kind}`);
    const r = k.slim(o);
    if (!r.ok) throw new Error(`${o.kind} ${o.metadata.name}: ${r.reason}`);
    m.apply(cluster, k, recordKey(k.namespaced ? o.metadata.namespace : undefined, o.metadata.name), r.record);
  }
}

/** Deletes one object from a cluster, as a watch DELETED event would. */
export function deleteObject(m: FleetModel, cluster: string, o: KubeObject): void {
  const k = watchedKindFor(o)!;
  m.apply(cluster, k, recordKey(k.namespaced ? o.metadata.namespace : undefined, o.metadata.name), undefined);
}

/** A model of clusters each holding the ambient fixture (a node with a ready ztunnel, one not ready, one without). */
export function ambientModel(clusters: string[] = ['east']): FleetModel {
  const m = new FleetModel();
  for (const c of clusters) {
    m.upsertCluster({ name: c, displayName: c, source: 'test' });
    applyObjects(m, c, ambientObjects());
  }
  m.feed.flush();
  return m;
}

/** The fixture object of a kind and name. */
export function fixtureObject(kind: string, namespace: string, name: string): KubeObject {
  const o = ambientObjects().find((x) => x.kind === kind && x.metadata.name === name && (x.metadata.namespace ?? '') === namespace);
  if (!o) throw new Error(`no ${kind} ${namespace}/${name} in the fixture`);
  return o;
}
