/** The simulated Kubernetes API server of one cluster: store, server, CRD loading. */
export { startKubeApiServer } from './api-server';
export { createClusterStore, MemoryClusterStore, type ClusterStoreOptions } from './store';
export { builtinTypes } from './builtin-types';
export { installSharedCrds, sharedCrds, sharedCrdFiles } from './shared-crds';
export { sharedPath } from './shared-path';
export { loadCrdFile, loadManifestFile, parseManifests } from './yaml-loader';
export { KubeApiError, type StatusCause } from './errors';
export { kubeconfigFor } from './kubeconfig';
export type * from './types';
