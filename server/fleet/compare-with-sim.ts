import 'server-only';
import { CONFIG_GROUPS } from '../clusters/kinds';
import type { FleetModel } from './model';

/** What a simulated cluster's store offers for comparison (structural, so product code never imports the simulator). */
export interface StoreLike {
  list(apiVersion: string, kind: string, namespace?: string): Array<{ metadata: { name: string; namespace?: string; resourceVersion?: string } }>;
  types(): Array<{ group: string; version: string; kind: string }>;
}

const BUILTIN: Array<[string, string, keyof Pick<import('./cluster-store').ClusterStore, 'namespaces' | 'services' | 'slices' | 'pods' | 'deployments' | 'nodes'>]> = [
  ['v1', 'Namespace', 'namespaces'],
  ['v1', 'Service', 'services'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'slices'],
  ['v1', 'Pod', 'pods'],
  ['apps/v1', 'Deployment', 'deployments'],
  ['v1', 'Node', 'nodes'],
];

/**
 * Differences between what the model holds for a cluster and a store's
 * contents (keys of every watched kind, resourceVersions of config objects).
 * Empty when the model equals the store. Used by tests after recovery.
 */
export function diffModelWithStore(model: FleetModel, cluster: string, store: StoreLike): string[] {
  const e = model.cluster(cluster);
  if (!e) return [`cluster ${cluster} missing from the model`];
  const diffs: string[] = [];
  const key = (o: { metadata: { name: string; namespace?: string } }) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);
  const compareKeys = (what: string, expected: Set<string>, actual: Set<string>) => {
    for (const k of expected) if (!actual.has(k)) diffs.push(`${what} ${k}: in the store, not in the model`);
    for (const k of actual) if (!expected.has(k)) diffs.push(`${what} ${k}: in the model, not in the store`);
  };
  for (const [apiVersion, kind, field] of BUILTIN) compareKeys(kind, new Set(store.list(apiVersion, kind).map(key)), new Set(e.store[field].keys()));
  compareKeys('root cert', new Set(store.list('v1', 'ConfigMap').filter((o) => o.metadata.name === 'istio-ca-root-cert').map(key)), new Set(e.store.rootCerts.keys()));
  const expected = new Map<string, string | undefined>();
  const seen = new Set<string>();
  for (const t of store.types()) {
    // The groups discovery watches (Istio's, Admiral's, the Gateway API's).
    if (!CONFIG_GROUPS.includes(t.group) || seen.has(`${t.group}/${t.kind}`)) continue;
    seen.add(`${t.group}/${t.kind}`);
    for (const o of store.list(`${t.group}/${t.version}`, t.kind)) expected.set(`${t.group}/${t.kind}/${key(o)}`, o.metadata.resourceVersion);
  }
  const actual = new Map<string, string | undefined>();
  for (const table of e.store.config.values()) for (const o of table.values()) actual.set(`${o.group}/${o.kind}/${o.namespace ? `${o.namespace}/` : ''}${o.name}`, o.resourceVersion);
  compareKeys('config', new Set(expected.keys()), new Set(actual.keys()));
  for (const [k, rv] of expected) if (actual.has(k) && actual.get(k) !== rv) diffs.push(`config ${k}: resourceVersion ${actual.get(k)} in the model, ${rv} in the store`);
  return diffs;
}
