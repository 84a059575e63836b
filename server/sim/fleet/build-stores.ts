/** A FleetSpec's clusters as in-memory stores, without API servers: for tests and measurements of what reads the stores. */
import { installVendoredCrds } from '../kube/vendored-crds';
import { createClusterStore, type MemoryClusterStore } from '../kube/store';
import { createCa } from '../pki';
import { buildCluster, FleetIndex } from './build-cluster';
import type { FleetSpec } from './types';

/** The stores of a FleetSpec's clusters (vendored CRDs served, every built object applied), by cluster name. */
export function buildStores(spec: FleetSpec, caName = 'sim stores root'): Map<string, MemoryClusterStore> {
  const ca = createCa(caName).certPem;
  const roots = Object.fromEntries(spec.meshes.map((m) => [m.rootId, ca]));
  const index = new FleetIndex(spec);
  const stores = new Map<string, MemoryClusterStore>();
  for (const c of spec.clusters) {
    const store = createClusterStore();
    installVendoredCrds(store);
    for (const o of buildCluster(index, c.name, { roots, apiCaPem: ca }).objects) store.apply(o);
    stores.set(c.name, store);
  }
  return stores;
}
