/** The simulated Kubernetes API server of one cluster: store, server, CRD loading. */
export { startKubeApiServer } from './api-server';
export { createClusterStore, MemoryClusterStore, type ClusterStoreOptions } from './store';
export { builtinTypes } from './builtin-types';
export { installVendoredCrds, vendoredCrds, vendoredCrdFiles } from './vendored-crds';
export { vendorPath } from '../../vendor/vendor-path';
export { loadCrdFile, loadManifestFile, parseManifests } from './yaml-loader';
export { KubeApiError, type StatusCause } from './errors';
export { kubeconfigFor } from './kubeconfig';
export type * from './types';
